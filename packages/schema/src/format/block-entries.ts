import type * as A from '../ast/nodes.js';
import type { SourceLines } from './source-lines.js';

export type Declaration = A.FieldDecl | A.EnumValueDecl | A.Property | A.BlockAttribute;
type Member = A.ModelBlock['members'][number] | A.EnumBlock['members'][number] | A.ConfigBlock['members'][number];

/** A comment on a line of its own inside the block. */
export interface CommentEntry {
  kind: 'comment';
  text: string;
  blankBefore: boolean;
}

/**
 * A declaration, with the comments that were written inside it (between the lines of a
 * multi-line argument list). Those are printed above it, since the declaration itself is
 * printed on one line.
 */
export interface DeclarationEntry {
  kind: 'declaration';
  declaration: Declaration;
  innerComments: string[];
  blankBefore: boolean;
}

export type BlockEntry = CommentEntry | DeclarationEntry;

export interface BlockLayout {
  /** A comment written on the `{` line, kept there. */
  headerComment: string | null;
  entries: BlockEntry[];
}

/**
 * Decides what a block prints, in order, and where its blank lines go: a blank line is kept
 * where the source had one or more (runs collapse to one), never right after `{` (nor before
 * `}`, since only entries get one before them), and one is added before a group of block
 * attributes that directly follows a field or enum value, as `prisma format` does.
 *
 * One exception to "never after `{`": a `///` comment on the `{` line keeps the blank line
 * the source put after it when what follows is a `///` line or a declaration that takes a
 * doc, since without it the comment would become that declaration's doc when the output is
 * parsed again.
 */
export function layoutBlock(block: A.Block, lines: SourceLines): BlockLayout {
  const members = (block.members as Member[]).filter((m) => m.kind !== 'blank');
  let headerComment: string | null = null;
  let start = 0;
  const first = members[0];
  if (first?.kind === 'comment' && lines.startLine(first.span) === lines.startLine(block.span)) {
    headerComment = first.text;
    start = 1;
  }

  const entries: BlockEntry[] = [];
  let cursor = lines.startLine(block.span); // the last source line printed so far
  let previous: DeclarationEntry | null = null;
  for (const m of members.slice(start)) {
    if (m.kind === 'comment') {
      if (previous && m.span.start.offset < previous.declaration.span.end.offset) {
        previous.innerComments.push(m.text);
      } else {
        entries.push({ kind: 'comment', text: m.text, blankBefore: lines.blankBetween(cursor, lines.startLine(m.span)) });
      }
      cursor = Math.max(cursor, lines.endLine(m.span));
      continue;
    }
    const firstLine = lines.startLine(m.span) - ('doc' in m ? m.doc.length : 0);
    previous = { kind: 'declaration', declaration: m, innerComments: [], blankBefore: lines.blankBetween(cursor, firstLine) };
    entries.push(previous);
    cursor = Math.max(cursor, lines.endLine(m.span));
  }

  const head = entries[0];
  if (head && !(headerComment?.startsWith('///') && opensWithDocLine(head))) head.blankBefore = false;
  separateBlockAttributes(entries);
  return { headerComment, entries };
}

/** Whether the first line printed for the entry is a `///` line or a declaration that takes a doc. */
function opensWithDocLine(e: BlockEntry): boolean {
  if (e.kind === 'comment') return e.text.startsWith('///');
  const first = e.innerComments[0];
  return first === undefined ? 'doc' in e.declaration : first.startsWith('///');
}

/**
 * Puts a blank line before each run of block attributes (with the comments directly above
 * it) that directly follows a field or an enum value.
 */
function separateBlockAttributes(entries: BlockEntry[]): void {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind !== 'declaration' || e.declaration.kind !== 'blockAttribute') continue;
    let head = i;
    while (!entries[head]!.blankBefore && head > 0 && entries[head - 1]!.kind === 'comment') head--;
    const before = entries[head - 1];
    if (
      !entries[head]!.blankBefore &&
      before?.kind === 'declaration' &&
      (before.declaration.kind === 'field' || before.declaration.kind === 'enumValue')
    ) {
      entries[head]!.blankBefore = true;
    }
  }
}
