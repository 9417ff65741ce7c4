import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from '../ast/nodes.js';
import type { Position, Span } from '../diagnostics/span.js';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement | undefined): e is IToken {
  return e !== undefined && 'image' in e;
}

/**
 * Turns the CST into the AST. The CST may be partial after error recovery (missing children,
 * tokens inserted with no position), so every access here tolerates absence.
 */
export class AstBuilder {
  constructor(
    private readonly file: string,
    private readonly source: string,
  ) {}

  private lineStarts: number[] | undefined;

  position(offset: number): Position {
    const starts = (this.lineStarts ??= computeLineStarts(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  span(startOffset: number, endOffsetExclusive: number): Span {
    const start = Number.isFinite(startOffset) ? startOffset : this.source.length;
    const end = Number.isFinite(endOffsetExclusive) ? Math.max(endOffsetExclusive, start) : start;
    return { file: this.file, start: this.position(start), end: this.position(end) };
  }

  /** Tokens carry their own line and column (a token never spans lines), so no lookup is needed. */
  tokenSpan(t: IToken): Span {
    if (!Number.isFinite(t.startOffset)) return this.span(NaN, NaN);
    return {
      file: this.file,
      start: { offset: t.startOffset, line: t.startLine!, column: t.startColumn! },
      // A line break ends where the next line starts.
      end: t.image.endsWith('\n')
        ? { offset: t.endOffset! + 1, line: t.endLine! + 1, column: 1 }
        : { offset: t.endOffset! + 1, line: t.endLine!, column: t.endColumn! + 1 },
    };
  }

  nodeSpan(n: CstNode): Span {
    const loc = n.location;
    if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset)) {
      return {
        file: this.file,
        start: { offset: loc.startOffset, line: loc.startLine!, column: loc.startColumn! },
        end: { offset: loc.endOffset! + 1, line: loc.endLine!, column: loc.endColumn! + 1 },
      };
    }
    const first = firstToken(n);
    return first ? this.tokenSpan(first) : this.span(NaN, NaN);
  }

  ident(t: IToken | undefined, fallback: CstNode): A.Identifier {
    if (t && Number.isFinite(t.startOffset)) return { text: t.image, span: this.tokenSpan(t) };
    return { text: '', span: this.nodeSpan(fallback) };
  }

  members(n: CstNode): CstNode[] {
    const c = n.children as Children;
    const out: CstNode[] = [];
    for (const key of ['fieldDecl', 'blockAttribute', 'enumValue', 'property']) {
      for (const e of c[key] ?? []) if (!isToken(e)) out.push(e);
    }
    return out.sort((a, b) => offsetOf(a) - offsetOf(b));
  }

  block(n: CstNode): A.Block {
    const c = n.children as Children;
    const name = this.ident(tok(c.name), n);
    const span = this.nodeSpan(n);
    if (n.name === 'enumBlock') {
      const members = this.members(n).map((m) =>
        m.name === 'enumValue' ? this.enumValue(m) : this.blockAttribute(m),
      );
      return { kind: 'enum', name, members, doc: [], span };
    }
    if (n.name === 'configBlock') {
      const kind = c.Datasource ? 'datasource' : 'generator';
      const members = this.members(n).map((m) => this.property(m));
      return { kind, name, members, doc: [], span };
    }
    const kind = c.View ? 'view' : c.Type ? 'type' : 'model';
    const members = this.members(n).map((m) =>
      m.name === 'fieldDecl' ? this.field(m) : this.blockAttribute(m),
    );
    return { kind, name, members, doc: [], span };
  }

  property(n: CstNode): A.Property {
    const c = n.children as Children;
    return {
      kind: 'property',
      name: this.ident(tok(c.name), n),
      value: this.expressionOr(node(c.expression), n),
      trailingComment: null,
      span: this.nodeSpan(n),
    };
  }

  field(n: CstNode): A.FieldDecl {
    const c = n.children as Children;
    const typeNode = node(c.typeRef);
    return {
      kind: 'field',
      name: this.ident(tok(c.name), n),
      type: typeNode ? this.typeRef(typeNode) : this.missingType(n),
      attributes: nodes(c.attribute).map((a) => this.attribute(a)),
      doc: [],
      trailingComment: null,
      span: this.nodeSpan(n),
    };
  }

  private missingType(n: CstNode): A.TypeRef {
    const span = this.nodeSpan(n);
    return { name: { text: '', span }, unsupported: null, optional: false, list: false, span };
  }

  typeRef(n: CstNode): A.TypeRef {
    const c = n.children as Children;
    const unsupported = tok(c.unsupported);
    return {
      name: this.ident(tok(c.name), n),
      unsupported: unsupported && Number.isFinite(unsupported.startOffset) ? this.stringLiteral(unsupported) : null,
      optional: Boolean(c.optional || c.listOptional),
      list: Boolean(c.list),
      span: this.nodeSpan(n),
    };
  }

  enumValue(n: CstNode): A.EnumValueDecl {
    const c = n.children as Children;
    return {
      kind: 'enumValue',
      name: this.ident(tok(c.name), n),
      attributes: nodes(c.attribute).map((a) => this.attribute(a)),
      doc: [],
      trailingComment: null,
      span: this.nodeSpan(n),
    };
  }

  attribute(n: CstNode): A.Attribute {
    const c = n.children as Children;
    return { kind: 'attribute', ...this.attributeParts(c, n), span: this.nodeSpan(n) };
  }

  blockAttribute(n: CstNode): A.BlockAttribute {
    const c = n.children as Children;
    return {
      kind: 'blockAttribute',
      ...this.attributeParts(c, n),
      trailingComment: null,
      doc: [],
      span: this.nodeSpan(n),
    };
  }

  private attributeParts(c: Children, n: CstNode): { name: A.Identifier; args: A.Argument[] | null } {
    const nameNode = node(c.dottedName);
    const argsNode = node(c.argumentList);
    return {
      name: nameNode ? this.dottedName(nameNode) : { text: '', span: this.nodeSpan(n) },
      args: argsNode ? this.argumentList(argsNode) : null,
    };
  }

  dottedName(n: CstNode): A.Identifier {
    // CONSUME and CONSUME2 of one token type share a key, in the order they were consumed.
    const parts = ((n.children as Children).Identifier ?? []).filter(
      (t): t is IToken => isToken(t) && Number.isFinite(t.startOffset),
    );
    const text = parts.length === 1 ? parts[0]!.image : parts.map((t) => t.image).join('.');
    return { text, span: this.nodeSpan(n) };
  }

  argumentList(n: CstNode): A.Argument[] {
    const c = n.children as Children;
    return nodes(c.argument).map((a) => this.argument(a));
  }

  argument(n: CstNode): A.Argument {
    const c = n.children as Children;
    const name = tok(c.name);
    return {
      name: name ? this.ident(name, n) : null,
      value: this.expressionOr(node(c.expression), n),
      span: this.nodeSpan(n),
    };
  }

  private expressionOr(n: CstNode | undefined, parent: CstNode): A.Expression {
    if (n) return this.expression(n);
    return { kind: 'path', text: '', span: this.nodeSpan(parent) };
  }

  expression(n: CstNode): A.Expression {
    const c = n.children as Children;
    const str = tok(c.StringLiteral);
    if (str) return this.stringLiteral(str);
    const num = tok(c.NumberLiteral);
    if (num) return { kind: 'number', text: num.image, span: this.tokenSpan(num) };
    const arr = node(c.arrayExpression);
    if (arr) {
      const items = nodes((arr.children as Children).expression).map((e) => this.expression(e));
      return { kind: 'array', items, span: this.nodeSpan(arr) };
    }
    const pc = node(c.pathOrCall);
    if (pc) {
      const pcc = pc.children as Children;
      const nameNode = node(pcc.dottedName);
      const name = nameNode ? this.dottedName(nameNode) : { text: '', span: this.nodeSpan(pc) };
      const argsNode = node(pcc.argumentList);
      if (argsNode) return { kind: 'call', callee: name, args: this.argumentList(argsNode), span: this.nodeSpan(pc) };
      return { kind: 'path', text: name.text, span: name.span };
    }
    return { kind: 'path', text: '', span: this.nodeSpan(n) };
  }

  stringLiteral(t: IToken): A.StringLiteral {
    const raw = t.image;
    const closed = raw.length >= 2 && raw.endsWith('"') && !raw.endsWith('\\"');
    const inner = raw.slice(1, closed ? -1 : undefined);
    return { kind: 'string', value: unescape(inner), raw: closed ? raw : raw + '"', span: this.tokenSpan(t) };
  }
}

/** Decodes the escapes a schema string may hold: `\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX`. */
export function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
        return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      default:
        return e;
    }
  });
}

function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function tok(list: CstElement[] | undefined): IToken | undefined {
  const first = list?.[0];
  return isToken(first) ? first : undefined;
}

function node(list: CstElement[] | undefined): CstNode | undefined {
  const first = list?.[0];
  return first && !isToken(first) ? first : undefined;
}

function nodes(list: CstElement[] | undefined): CstNode[] {
  return (list ?? []).filter((e): e is CstNode => !isToken(e));
}

function tokensOf(n: CstNode): IToken[] {
  const out: IToken[] = [];
  for (const list of Object.values(n.children as Children)) {
    for (const e of list ?? []) {
      if (isToken(e)) out.push(e);
      else out.push(...tokensOf(e));
    }
  }
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

function firstToken(n: CstNode): IToken | undefined {
  return tokensOf(n).find((t) => Number.isFinite(t.startOffset));
}

function offsetOf(n: CstNode): number {
  const o = n.location?.startOffset;
  if (o !== undefined && Number.isFinite(o)) return o;
  return firstToken(n)?.startOffset ?? Number.MAX_SAFE_INTEGER;
}
