/**
 * A one-dimensional PostgreSQL array literal (`{a,"b c",NULL}`) as its elements' text. pg parses
 * the arrays of built-in types itself, but an array of a user-defined type (an enum list) has an
 * OID known only to that database, so it arrives as this text.
 * https://www.postgresql.org/docs/current/arrays.html#ARRAYS-IO
 */
export function parsePgArrayText(text: string): (string | null)[] {
  if (text.length < 2 || text[0] !== '{' || text[text.length - 1] !== '}') throw new Error(`Not a PostgreSQL array literal: ${JSON.stringify(text)}.`);
  const out: (string | null)[] = [];
  const body = text.slice(1, -1);
  if (body === '') return out;
  let i = 0;
  while (i <= body.length) {
    if (body[i] === '"') {
      let value = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        value += body[i];
        i++;
      }
      out.push(value);
      i += 2; // the closing quote and the comma
    } else {
      const end = body.indexOf(',', i);
      const raw = body.slice(i, end < 0 ? body.length : end);
      out.push(raw === 'NULL' ? null : raw);
      i = end < 0 ? body.length + 1 : end + 1;
    }
  }
  return out;
}
