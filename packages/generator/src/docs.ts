import type { CodeBlockWriter } from 'ts-morph';

/** A `///` comment as JSDoc text: `*\/` cannot end the comment early. */
export function jsDocText(doc: string): string {
  return doc.replace(/\*\//g, '*\\/');
}

/** Writes `/** doc *\/` (one line) or a multi-line block, at the writer's indentation. */
export function writeDoc(w: CodeBlockWriter, doc: string | null): void {
  if (doc === null || doc === '') return;
  const lines = jsDocText(doc).split('\n');
  if (lines.length === 1) {
    w.writeLine(`/** ${lines[0]} */`);
    return;
  }
  w.writeLine('/**');
  for (const line of lines) w.writeLine(line === '' ? ' *' : ` * ${line}`);
  w.writeLine(' */');
}

/** ts-morph's `docs` value for a structure. */
export function docs(doc: string | null): string[] | undefined {
  return doc === null || doc === '' ? undefined : [jsDocText(doc)];
}

/** A string literal type or value, single-quoted. */
export function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
