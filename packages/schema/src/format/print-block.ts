import type * as A from '../ast/nodes.js';
import { alignColumns, type TableRow } from './align-columns.js';
import { layoutBlock, type Declaration } from './block-entries.js';
import { printAttribute, printBlockAttribute, printExpression, printTypeRef } from './print-expression.js';
import type { SourceLines } from './source-lines.js';

const INDENT = '  ';

/**
 * `/// text` lines; an empty doc line prints as a bare `///`, and one that starts with `/` (a
 * `//////` rule) is printed without the space, as it was most likely written.
 */
export function printDoc(doc: readonly string[], indent: string): string[] {
  return doc.map((line) => indent + printDocLine(line));
}

function printDocLine(text: string): string {
  return text === '' || text.startsWith('/') ? `///${text}` : `/// ${text}`;
}

/**
 * A comment on a line of its own. A `///` comment is printed like a doc line, because printed
 * directly above a declaration it becomes that declaration's doc when the output is parsed
 * again, and must then print the same.
 */
export function printCommentLine(text: string): string {
  if (!text.startsWith('///')) return text;
  const body = text.slice(3);
  return printDocLine(body.startsWith(' ') ? body.slice(1) : body);
}

/**
 * Prints one block, its doc comment included, as lines without newlines. Fields, enum values
 * and properties are aligned in columns across the whole block; block attributes, comments
 * and doc lines sit between the rows without taking part in the alignment.
 */
export function printBlock(block: A.Block, lines: SourceLines): string[] {
  const { headerComment, entries } = layoutBlock(block, lines);

  const rows: TableRow[] = [];
  for (const e of entries) {
    if (e.kind === 'declaration') {
      const cells = tableCells(e.declaration);
      if (cells) rows.push({ cells, comment: e.declaration.trailingComment });
    }
  }
  const aligned = alignColumns(rows);
  let nextRow = 0;

  const out = printDoc(block.doc, '');
  const header = `${block.kind} ${block.name.text} {`;
  out.push(headerComment === null ? header : `${header} ${headerComment}`);
  for (const e of entries) {
    if (e.blankBefore) out.push('');
    if (e.kind === 'comment') {
      out.push(INDENT + printCommentLine(e.text));
      continue;
    }
    const d = e.declaration;
    for (const c of e.innerComments) out.push(INDENT + printCommentLine(c));
    if ('doc' in d) out.push(...printDoc(d.doc, INDENT));
    if (d.kind === 'blockAttribute') {
      const text = printBlockAttribute(d);
      out.push(INDENT + (d.trailingComment === null ? text : `${text} ${d.trailingComment}`));
    } else {
      out.push(INDENT + aligned[nextRow++]!);
    }
  }
  out.push('}');
  return out;
}

/** The columns of a declaration that is aligned with its siblings; `null` for block attributes. */
function tableCells(d: Declaration): string[] | null {
  switch (d.kind) {
    case 'field':
      return [d.name.text, printTypeRef(d.type), d.attributes.map(printAttribute).join(' ')];
    case 'enumValue':
      return [d.name.text, d.attributes.map(printAttribute).join(' ')];
    case 'property':
      return [d.name.text, `= ${printExpression(d.value)}`];
    case 'blockAttribute':
      return null;
  }
}
