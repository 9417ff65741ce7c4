import type { IToken } from 'chevrotain';
import type * as A from '../ast/nodes.js';
import type { AstBuilder } from './build-ast.js';

type Member = A.ModelBlock['members'][number] | A.EnumBlock['members'][number] | A.ConfigBlock['members'][number];
type Item = A.Block | Member;

/**
 * Places every comment token in the tree: `///` lines directly above a declaration become its
 * doc, a comment after a declaration on the same line becomes its trailing comment, and every
 * other comment stays where it was as a comment line. Blank lines between items are recorded
 * so the formatter can keep them.
 */
export function attachComments(blocks: A.Block[], comments: IToken[], b: AstBuilder): A.TopItem[] {
  // Blocks and comments are both in source order: one walk assigns each comment to its block.
  const byBlock = new Map<A.Block, IToken[]>();
  const top: IToken[] = [];
  let bi = 0;
  for (const c of comments) {
    while (bi < blocks.length && blocks[bi]!.span.end.offset <= c.startOffset) bi++;
    const block = blocks[bi];
    if (block && block.span.start.offset <= c.startOffset) {
      const list = byBlock.get(block);
      if (list) list.push(c);
      else byBlock.set(block, [c]);
    } else top.push(c);
  }
  for (const block of blocks) {
    const own = byBlock.get(block) ?? [];
    const merged = interleave(block.members as Member[], own, b);
    (block as { members: Member[] }).members = dropLeadingBlanks(merged) as Member[];
  }
  return interleave(blocks, top, b) as A.TopItem[];
}

function interleave<T extends Item>(items: T[], comments: IToken[], b: AstBuilder): (T | A.CommentLine | A.BlankLine)[] {
  const ownLine: IToken[] = [];
  const endingOn = new Map<number, T>();
  for (const it of items) if ('trailingComment' in it) endingOn.set(it.span.end.line, it);
  for (const c of comments) {
    const candidate = endingOn.get(c.startLine!);
    const host = candidate && candidate.span.start.offset < c.startOffset ? candidate : undefined;
    if (host && (host as { trailingComment: string | null }).trailingComment === null) {
      (host as { trailingComment: string | null }).trailingComment = c.image.trimEnd();
    } else ownLine.push(c);
  }

  type Entry = { at: number; item: T } | { at: number; comment: IToken };
  const entries: Entry[] = [
    ...items.map((item) => ({ at: item.span.start.offset, item })),
    ...ownLine.map((comment) => ({ at: comment.startOffset, comment })),
  ].sort((x, y) => x.at - y.at);

  const out: (T | A.CommentLine | A.BlankLine)[] = [];
  let pendingDocs: IToken[] = [];
  let lastLine = -1;
  const pushLine = (startLine: number, endLine: number, value: T | A.CommentLine): void => {
    if (lastLine >= 0 && startLine - lastLine > 1) {
      out.push({ kind: 'blank', span: value.span });
    }
    out.push(value);
    lastLine = endLine;
  };
  const asCommentLine = (c: IToken): A.CommentLine => ({
    kind: 'comment',
    text: c.image.trimEnd(),
    span: b.tokenSpan(c),
  });
  const flushDocs = (): void => {
    for (const d of pendingDocs) pushLine(d.startLine!, d.startLine!, asCommentLine(d));
    pendingDocs = [];
  };

  for (const e of entries) {
    if ('comment' in e) {
      const c = e.comment;
      const isDoc = c.tokenType.name === 'DocComment';
      const last = pendingDocs[pendingDocs.length - 1];
      if (isDoc && (!last || last.startLine! + 1 === c.startLine)) {
        pendingDocs.push(c);
        continue;
      }
      flushDocs();
      if (isDoc) pendingDocs.push(c);
      else pushLine(c.startLine!, c.startLine!, asCommentLine(c));
      continue;
    }
    const item = e.item;
    const last = pendingDocs[pendingDocs.length - 1];
    if (last && last.startLine! + 1 === item.span.start.line && 'doc' in item) {
      (item as { doc: string[] }).doc = pendingDocs.map((d) => docText(d.image));
      const firstLine = pendingDocs[0]!.startLine!;
      pendingDocs = [];
      pushLine(firstLine, item.span.end.line, item);
    } else {
      flushDocs();
      pushLine(item.span.start.line, item.span.end.line, item);
    }
  }
  flushDocs();
  return out;
}

function dropLeadingBlanks<T extends { kind: string }>(items: T[]): T[] {
  let i = 0;
  while (i < items.length && items[i]!.kind === 'blank') i++;
  return items.slice(i);
}

/** `/// Text` → `Text`: the marker and one space after it are syntax, the rest is the doc. */
function docText(image: string): string {
  const body = image.slice(3);
  return (body.startsWith(' ') ? body.slice(1) : body).trimEnd();
}
