/**
 * A string literal of the schema language: `"..."` with `\` and `"` escaped and control
 * characters as `\n`, `\t`, `\r` or `\uXXXX` (the escapes the parser reads back,
 * packages/schema/src/parser/build-ast.ts).
 */
export function schemaString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
