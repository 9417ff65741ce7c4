import { EOF as EOF_TYPE, createTokenInstance, tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import type * as A from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticSink } from '../diagnostics/sink.js';
import { Messages } from '../diagnostics/messages.js';
import { attachComments } from './attach-comments.js';
import { AstBuilder } from './build-ast.js';
import { schemaGrammar } from './grammar.js';
import { describeToken } from './syntax-messages.js';
import { suggest } from '../analyze/suggest.js';
import * as T from './tokens.js';

export interface ParsedFile {
  file: A.SchemaFile;
  diagnostics: Diagnostic[];
}

const EOF_TOKEN = createTokenInstance(EOF_TYPE, '', NaN, NaN, NaN, NaN, NaN, NaN);
const BLOCK_WORDS = ['model', 'enum', 'view', 'type', 'datasource', 'generator'];
const BLOCK_KEYWORDS = new Set<string>(['Model', 'View', 'Type', 'Enum', 'Datasource', 'Generator']);

/**
 * Parses one file into its AST. Never throws: syntax errors become diagnostics, and the parser
 * recovers (inside a block at the next line, at top level at the next block) to report more.
 */
export function parseSchemaFile(path: string, source: string): ParsedFile {
  const sink = new DiagnosticSink();
  const b = new AstBuilder(path, source);
  const lexed = T.schemaLexer.tokenize(source);

  const lexErrorLines = new Set(lexed.errors.map((e) => e.line));
  for (const err of lexed.errors) {
    const ch = source.slice(err.offset, err.offset + Math.max(1, err.length));
    sink.report(Messages.unexpectedCharacter, b.span(err.offset, err.offset + err.length), ch);
  }
  for (const t of lexed.tokens) {
    if (t.tokenType === T.UnterminatedString) sink.report(Messages.unterminatedString, b.tokenSpan(t));
  }

  const tokens = dropNewlinesInsideBrackets(lexed.tokens);
  const comments = (lexed.groups.comments ?? []) as IToken[];
  const blocks: A.Block[] = [];
  const grammar = schemaGrammar();

  for (const chunk of splitTopLevel(tokens)) {
    if (chunk.kind === 'junk') {
      sink.report(Messages.syntaxError, b.tokenSpan(chunk.first), unexpectedAtTop(chunk.first));
      continue;
    }
    if (chunk.unclosed) {
      const keyword = chunk.tokens[0]!;
      const name = chunk.tokens[1]?.image ?? '';
      sink.report(Messages.unclosedBlock, b.tokenSpan(chunk.unclosed), keyword.image, name);
    }
    grammar.input = chunk.tokens;
    let cst: CstNode;
    try {
      cst = grammar.schema();
    } catch (e) {
      // Chevrotain recovers from syntax errors itself; reaching here means a defect, which is
      // still reported as a located diagnostic rather than a crash.
      sink.report(Messages.parserFailure, b.tokenSpan(chunk.tokens[0]!), String(e));
      continue;
    }
    for (const n of topBlocks(cst)) blocks.push(b.block(n));
    const last = chunk.tokens[chunk.tokens.length - 1]!;
    let lastOffset = -1;
    for (const err of grammar.errors) {
      const t = err.token;
      // A token missing at the end of the block (an unclosed "{") is reported where it ends.
      const span = Number.isFinite(t.startOffset) ? b.tokenSpan(t) : b.span(last.endOffset! + 1, last.endOffset! + 1);
      if (span.start.offset === lastOffset) continue; // one message per place
      if (lexErrorLines.has(span.start.line)) continue; // the character error already explains it
      lastOffset = span.start.offset;
      sink.report(Messages.syntaxError, span, err.message || `Unexpected ${describeToken(t)}.`);
    }
  }

  blocks.sort((x, y) => x.span.start.offset - y.span.start.offset);
  const items = attachComments(blocks, comments, b);
  return { file: { path, source, items }, diagnostics: sink.diagnostics };
}

function topBlocks(cst: CstNode): CstNode[] {
  const c = cst.children as Record<string, (CstNode | IToken)[] | undefined>;
  return [...(c.modelBlock ?? []), ...(c.enumBlock ?? []), ...(c.configBlock ?? [])].filter(
    (e): e is CstNode => !('image' in e),
  );
}

type Chunk = { kind: 'block'; tokens: IToken[]; unclosed: IToken | null } | { kind: 'junk'; first: IToken };

function unexpectedAtTop(t: IToken): string {
  const keyword = t.tokenType === T.Identifier ? suggest(t.image, BLOCK_WORDS) : null;
  const hint = keyword ? ` Did you mean "${keyword}"?` : '';
  return `Unexpected ${describeToken(t)}; expected a block: model, enum, view, type, datasource or generator.${hint}`;
}

/** `keyword Name {` at the start of a line: a block begins here. */
function isBlockStart(tokens: IToken[], i: number): boolean {
  return (
    BLOCK_KEYWORDS.has(tokens[i]!.tokenType.name) &&
    (i === 0 || tokens[i - 1]!.tokenType === T.Newline) &&
    tokenMatcher(tokens[i + 1] ?? EOF_TOKEN, T.Identifier) &&
    tokens[i + 2]?.tokenType === T.LCurly
  );
}

/**
 * Cuts the token stream into blocks before parsing, so each block is parsed on its own: a block
 * ends at its matching "}" or where the next block begins, and anything between blocks is
 * reported once and skipped. One unclosed brace or misspelt keyword cannot hide what follows.
 */
function splitTopLevel(tokens: IToken[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.tokenType === T.Newline) {
      i++;
      continue;
    }
    if (!BLOCK_KEYWORDS.has(t.tokenType.name)) {
      chunks.push({ kind: 'junk', first: t });
      i++;
      while (i < tokens.length && !isBlockStart(tokens, i)) i++;
      continue;
    }
    const start = i;
    let depth = 0;
    let closed = false;
    let open: IToken | null = null;
    i++;
    for (; i < tokens.length; i++) {
      const type = tokens[i]!.tokenType;
      if (type === T.LCurly) {
        open ??= tokens[i]!;
        depth++;
      } else if (type === T.RCurly && --depth <= 0) {
        i++;
        closed = true;
        break;
      } else if (isBlockStart(tokens, i)) break;
    }
    const body = tokens.slice(start, i);
    if (!closed && open) {
      // Close the block where its text ends, so the parser reports nothing further about it;
      // the missing brace itself is reported at the "{" it should match.
      let last = body[body.length - 1]!;
      for (let k = body.length - 1; k > 0 && last.tokenType === T.Newline; k--) last = body[k - 1]!;
      body.push(createTokenInstance(T.RCurly, '}', last.endOffset!, last.endOffset!, last.endLine!, last.endLine!, last.endColumn!, last.endColumn!));
    }
    chunks.push({ kind: 'block', tokens: body, unclosed: closed ? null : open });
  }
  return chunks;
}

/**
 * Arguments and lists may span lines: a newline inside `(...)` or `[...]` is only space when the
 * bracket is closed later in the same block and the list visibly goes on (after "(", "[" or
 * ",", or before ")", "]" or ","). Any other newline ends the member, so an unclosed "(" or
 * string cannot swallow the lines after it.
 */
function dropNewlinesInsideBrackets(tokens: IToken[]): IToken[] {
  const unclosed = unclosedOpeners(tokens);
  const out: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const type = t.tokenType;
    if ((type === T.LParen || type === T.LBracket) && !unclosed.has(i)) depth++;
    else if ((type === T.RParen || type === T.RBracket) && depth > 0) depth--;
    else if (type === T.LCurly || type === T.RCurly || type === T.UnterminatedString) depth = 0;
    if (type === T.Newline && depth > 0) {
      const prev = out[out.length - 1]?.tokenType;
      let j = i + 1;
      while (tokens[j]?.tokenType === T.Newline) j++;
      const next = tokens[j]?.tokenType;
      const continues =
        prev === T.LParen || prev === T.LBracket || prev === T.Comma || next === T.RParen || next === T.RBracket || next === T.Comma;
      if (continues) continue;
      depth = 0;
    }
    out.push(t);
  }
  return out;
}

/** Indexes of "(" and "[" with no closing bracket before the next brace or unterminated string. */
function unclosedOpeners(tokens: IToken[]): Set<number> {
  const unclosed = new Set<number>();
  let stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === T.LParen || type === T.LBracket) stack.push(i);
    else if (type === T.RParen || type === T.RBracket) stack.pop();
    else if (type === T.LCurly || type === T.RCurly || type === T.UnterminatedString) {
      for (const k of stack) unclosed.add(k);
      stack = [];
    }
  }
  for (const k of stack) unclosed.add(k);
  return unclosed;
}
