/**
 * The text of a MySQL string literal body: `''` and the backslash escapes of
 * https://dev.mysql.com/doc/refman/8.0/en/string-literals.html#character-escape-sequences.
 * `\%` and `\_` keep their backslash, as MySQL does.
 */
export function unescapeMysqlString(body: string): string {
  return body.replace(/''|\\(.)/gs, (all, e: string | undefined) => {
    if (e === undefined) return "'";
    switch (e) {
      case '0':
        return '\0';
      case 'b':
        return '\b';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'Z':
        return '\x1a';
      case '%':
      case '_':
        return all;
      default:
        return e;
    }
  });
}

/** `'a','b''c'` → `['a', "b'c"]`: the quoted values of ENUM(...) or SET(...). */
export function mysqlQuotedList(text: string): string[] | null {
  const out: string[] = [];
  const item = /\s*'((?:[^'\\]|''|\\.)*)'\s*(,|$)/gys;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = item.exec(text)) !== null) {
    out.push(unescapeMysqlString(m[1]!));
    end = item.lastIndex;
    if (m[2] === '') break;
  }
  return end === text.length ? out : null;
}
