import type { EnumBlock, FieldDecl, ModelBlock } from '../ast/nodes.js';
import type { DiagnosticSink } from '../diagnostics/sink.js';
import type { Span } from '../diagnostics/span.js';
import type { Datasource, Model, Provider, ReferentialAction, RelationField } from '../ir/types.js';

/** Every named block of the schema, by name, across all files. */
export interface Symbols {
  models: Map<string, ModelBlock>;
  views: Map<string, ModelBlock>;
  types: Map<string, ModelBlock>;
  enums: Map<string, EnumBlock>;
}

export interface Ctx {
  sink: DiagnosticSink;
  symbols: Symbols;
  datasource: Datasource | null;
  /** The provider, or `null` when the datasource is missing or invalid: provider checks are skipped. */
  provider: Provider | null;
}

/** A relation field as written, before the two sides are paired. */
export interface RelationDraft {
  model: string;
  field: RelationField;
  decl: FieldDecl;
  /** The explicit relation name, or `null`. */
  name: string | null;
  fields: { name: string; span: Span }[] | null;
  references: { name: string; span: Span }[] | null;
  onDelete: { value: ReferentialAction; span: Span } | null;
  onUpdate: { value: ReferentialAction; span: Span } | null;
  map: string | null;
  span: Span;
  /** The actions in force once defaults apply (set when the key is checked). */
  onDeleteResolved?: ReferentialAction;
  onUpdateResolved?: ReferentialAction;
}

/** A model being analysed: its IR under construction and what later passes need of its AST. */
export interface ModelDraft {
  ir: Model;
  decl: ModelBlock;
  fieldDecls: Map<string, FieldDecl>;
  relations: RelationDraft[];
  /** A view's `@@sql`. */
  sql: string | null;
  /** Where each of `ir.indexes` was declared, for messages about it. */
  indexSpans: Span[];
  /** An `@id` or `@@id` was written, valid or not: no "no unique identifier" on top of its error. */
  declaresId: boolean;
  /** Some field's type did not resolve: relations to this model may look one-sided. */
  hasUnresolvedFields: boolean;
}
