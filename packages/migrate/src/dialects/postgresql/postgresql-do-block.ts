/**
 * An anonymous PL/pgSQL block (https://www.postgresql.org/docs/current/sql-do.html), for DDL
 * that needs a value only the database knows (the current schema, a serial's sequence). The
 * body is dollar-quoted with a tag it does not contain; names and literals inside it are quoted
 * by the caller as usual, since dollar quoting keeps the text as it is.
 */
export function doBlock(body: readonly string[], declare: readonly string[] = []): string {
  const text = `${declare.length === 0 ? '' : `DECLARE\n${declare.map((d) => `  ${d}\n`).join('')}`}BEGIN\n${body.map((b) => `  ${b}\n`).join('')}END`;
  let tag = '$kiln$';
  for (let n = 2; text.includes(tag); n++) tag = `$kiln${n}$`;
  return `DO ${tag}\n${text}\n${tag}`;
}
