import type { Span } from '../diagnostics/span.js';

/**
 * The syntax tree of one schema file. It records what was written, with spans, and nothing
 * resolved: names are strings, not links. The analyzer reads it and builds the IR; the
 * formatter prints it back. Comments are kept so the formatter loses none of them.
 */
export interface SchemaFile {
  path: string;
  source: string;
  /** Top-level items in source order: blocks, and comments between them. */
  items: TopItem[];
}

export type TopItem = Block | CommentLine | BlankLine;
export type Block = ConfigBlock | ModelBlock | EnumBlock;

export interface Identifier {
  text: string;
  span: Span;
}

/** A `//` comment on a line of its own. Doc comments (`///`) are attached to what follows. */
export interface CommentLine {
  kind: 'comment';
  text: string;
  span: Span;
}

/** Marks a blank line between members, which the formatter keeps (collapsing runs to one). */
export interface BlankLine {
  kind: 'blank';
  span: Span;
}

/** `datasource db { ... }` or `generator client { ... }`. */
export interface ConfigBlock {
  kind: 'datasource' | 'generator';
  name: Identifier;
  members: (Property | CommentLine | BlankLine)[];
  doc: string[];
  span: Span;
}

export interface Property {
  kind: 'property';
  name: Identifier;
  value: Expression;
  trailingComment: string | null;
  span: Span;
}

/** `model`, `view` and composite `type` blocks share one shape. */
export interface ModelBlock {
  kind: 'model' | 'view' | 'type';
  name: Identifier;
  members: (FieldDecl | BlockAttribute | CommentLine | BlankLine)[];
  doc: string[];
  span: Span;
}

export interface FieldDecl {
  kind: 'field';
  name: Identifier;
  type: TypeRef;
  attributes: Attribute[];
  doc: string[];
  trailingComment: string | null;
  span: Span;
}

export interface TypeRef {
  name: Identifier;
  /** The text inside `Unsupported("...")`, when the type is Unsupported. */
  unsupported: StringLiteral | null;
  optional: boolean;
  list: boolean;
  span: Span;
}

export interface EnumBlock {
  kind: 'enum';
  name: Identifier;
  members: (EnumValueDecl | BlockAttribute | CommentLine | BlankLine)[];
  doc: string[];
  span: Span;
}

export interface EnumValueDecl {
  kind: 'enumValue';
  name: Identifier;
  attributes: Attribute[];
  doc: string[];
  trailingComment: string | null;
  span: Span;
}

/** `@name(args)` on a field or enum value. `name` may be dotted: `db.VarChar`. */
export interface Attribute {
  kind: 'attribute';
  name: Identifier;
  /** `null` when written without parentheses (`@id`); `[]` for `@db.Text()`. */
  args: Argument[] | null;
  span: Span;
}

/** `@@name(args)` inside a model or enum. */
export interface BlockAttribute {
  kind: 'blockAttribute';
  name: Identifier;
  args: Argument[] | null;
  trailingComment: string | null;
  doc: string[];
  span: Span;
}

/** A positional (`name === null`) or named (`name: value`) argument. */
export interface Argument {
  name: Identifier | null;
  value: Expression;
  span: Span;
}

export type Expression =
  | StringLiteral
  | NumberLiteral
  | PathExpression
  | ArrayExpression
  | CallExpression;

export interface StringLiteral {
  kind: 'string';
  /** The decoded value, escapes resolved. */
  value: string;
  /** The text as written, quotes included, for the formatter. */
  raw: string;
  span: Span;
}

export interface NumberLiteral {
  kind: 'number';
  /** Kept as text so BigInt and Decimal defaults lose no precision. */
  text: string;
  span: Span;
}

/** A bare name: `true`, `Cascade`, `Desc`, an enum value or a field name. */
export interface PathExpression {
  kind: 'path';
  text: string;
  span: Span;
}

export interface ArrayExpression {
  kind: 'array';
  items: Expression[];
  span: Span;
}

/** `now()`, `env("URL")`, `title(sort: Desc)`, `raw("gin_trgm_ops")`. */
export interface CallExpression {
  kind: 'call';
  callee: Identifier;
  args: Argument[];
  span: Span;
}
