import type * as A from '../ast/nodes.js';
import { printBlock, printCommentLine } from './print-block.js';
import type { SourceLines } from './source-lines.js';

/**
 * Prints a whole file. Blocks are followed by exactly one blank line before whatever comes
 * next; between a comment and what follows it, a blank line is kept only where the source had
 * one, so a comment written directly above a block stays attached to it. A comment written
 * after a block's `}` on the same line stays on that line.
 */
export function printFile(file: A.SchemaFile, lines: SourceLines): string {
  const out: string[] = [];
  let previous: A.Block | A.CommentLine | null = null;
  let cursor = 0; // the last source line printed so far

  for (const item of file.items) {
    if (item.kind === 'blank') continue;
    if (item.kind === 'comment') {
      if (previous && previous.kind !== 'comment' && lines.startLine(item.span) === lines.endLine(previous.span)) {
        out[out.length - 1] += ` ${item.text}`;
        continue;
      }
      if (previous) separate(out, previous, lines.blankBetween(cursor, lines.startLine(item.span)));
      out.push(printCommentLine(item.text));
    } else {
      if (previous) separate(out, previous, lines.blankBetween(cursor, lines.startLine(item.span) - item.doc.length));
      out.push(...printBlock(item, lines));
    }
    cursor = Math.max(cursor, lines.endLine(item.span));
    previous = item;
  }
  return out.length === 0 ? '\n' : `${out.join('\n')}\n`;
}

function separate(out: string[], previous: A.Block | A.CommentLine, blankInSource: boolean): void {
  if (previous.kind !== 'comment' || blankInSource) out.push('');
}
