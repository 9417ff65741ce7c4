/**
 * The Kiln schema IR: the one resolved description of a schema that the generator, the runtime
 * and the migration planner read. Plain JSON (no classes, no functions, no spans), built in a
 * fixed key order and source order so the same schema text always serialises to the same
 * bytes. Migration snapshots store it; `docs/ir.md` documents it with an example.
 *
 * Bump IR_VERSION on any change a reader of an older snapshot would misread.
 */
export const IR_VERSION = 1;

export interface SchemaIR {
  version: typeof IR_VERSION;
  datasource: Datasource | null;
  generators: Generator[];
  enums: Enum[];
  models: Model[];
  views: View[];
  relations: Relation[];
}

export type Provider = 'postgresql' | 'mysql' | 'sqlite';

export type ConfigValue = string | number | boolean | ConfigValue[] | EnvValue | FunctionValue;
export interface EnvValue {
  env: string;
}
/** A call in a config block, e.g. `pgvector(map: "vector", version: "0.5")`. */
export interface FunctionValue {
  function: string;
  args: ConfigValue[];
  named: Record<string, ConfigValue>;
}

export type UrlSource = { kind: 'literal'; value: string } | { kind: 'env'; name: string };

export interface Datasource {
  name: string;
  provider: Provider;
  url: UrlSource | null;
  directUrl: UrlSource | null;
  /** `foreignKeys` (the database enforces relations) or `prisma` (the client does). */
  relationMode: 'foreignKeys' | 'prisma';
  /** PostgreSQL schemas listed in `schemas = [...]`, for `@@schema`. */
  schemas: string[];
  /** Every other property, as written. */
  extra: Record<string, ConfigValue>;
}

export interface Generator {
  name: string;
  provider: ConfigValue | null;
  output: string | null;
  config: Record<string, ConfigValue>;
}

export interface Enum {
  name: string;
  /** The database type name (PostgreSQL enum type) after `@@map`. */
  dbName: string;
  schema: string | null;
  values: EnumValue[];
  doc: string | null;
  renamedFrom: string | null;
}

export interface EnumValue {
  name: string;
  /** The stored value after `@map`. */
  dbName: string;
  doc: string | null;
  renamedFrom: string | null;
}

export type ScalarType =
  | 'String'
  | 'Boolean'
  | 'Int'
  | 'BigInt'
  | 'Float'
  | 'Decimal'
  | 'DateTime'
  | 'Json'
  | 'Bytes';

export const SCALAR_TYPES: readonly ScalarType[] = [
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
];

/** `@db.VarChar(255)` is `{ name: 'VarChar', args: ['255'] }`. Arguments are kept as text. */
export interface NativeType {
  name: string;
  args: string[];
}

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export type DefaultValue =
  /** A literal. Numbers are text so BigInt and Decimal keep every digit. */
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: DefaultValue[] }
  | { kind: 'function'; name: DefaultFunction; args: (string | number)[] };

export type DefaultFunction =
  | 'autoincrement'
  | 'now'
  | 'uuid'
  | 'cuid'
  | 'ulid'
  | 'nanoid'
  | 'dbgenerated'
  | 'auto'
  | 'sequence';

interface FieldBase {
  name: string;
  optional: boolean;
  list: boolean;
  doc: string | null;
  ignored: boolean;
  renamedFrom: string | null;
}

/** A field stored in a column: a scalar, an enum, or an `Unsupported("...")` type. */
export interface ColumnField extends FieldBase {
  kind: 'scalar' | 'enum' | 'unsupported';
  /** The scalar type name, the enum's name, or the raw database type for `unsupported`. */
  type: string;
  column: string;
  nativeType: NativeType | null;
  default: DefaultValue | null;
  /** Part of the primary key (single or compound). */
  isId: boolean;
  updatedAt: boolean;
}

/** A relation field: no column of its own; `relation` names an entry of `SchemaIR.relations`. */
export interface RelationField extends FieldBase {
  kind: 'relation';
  /** The related model's name. */
  type: string;
  relation: string;
  /** The scalar fields of this model that hold the foreign key, when this side holds it. */
  fields: string[];
  /** The fields of the related model that `fields` reference. */
  references: string[];
}

export type Field = ColumnField | RelationField;

export interface IndexField {
  name: string;
  column: string;
  sort: 'Asc' | 'Desc' | null;
  length: number | null;
  /** PostgreSQL operator class, e.g. `gin_trgm_ops`. */
  ops: string | null;
}

export interface PrimaryKey {
  /** The constraint name (`Table_pkey` unless mapped). */
  dbName: string;
  /** The compound key's name in the client (`a_b` or `name:`), `null` for one field. */
  clientName: string | null;
  fields: IndexField[];
}

export type IndexKind = 'unique' | 'index' | 'fulltext';
export type IndexType = 'BTree' | 'Hash' | 'Gist' | 'Gin' | 'SpGist' | 'Brin';

export interface Index {
  kind: IndexKind;
  /** The database name (`Table_col_key`, `Table_col_idx`, or `map:`). */
  dbName: string;
  /** For a compound unique: its name in the client (`a_b` or `name:`); else `null`. */
  clientName: string | null;
  fields: IndexField[];
  type: IndexType | null;
  clustered: boolean | null;
  /** Partial index predicate, SQL text (Kiln extension). */
  where: string | null;
  renamedFrom: string | null;
}

export interface Check {
  dbName: string;
  expression: string;
}

export interface ForeignKey {
  dbName: string;
  /** The relation this key implements. */
  relation: string;
  fields: string[];
  columns: string[];
  referencedModel: string;
  referencedTable: string;
  referencedSchema: string | null;
  referencedFields: string[];
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface Model {
  name: string;
  /** The table name after `@@map`. */
  dbName: string;
  schema: string | null;
  doc: string | null;
  ignored: boolean;
  renamedFrom: string | null;
  fields: Field[];
  primaryKey: PrimaryKey | null;
  indexes: Index[];
  checks: Check[];
  foreignKeys: ForeignKey[];
}

export interface View {
  name: string;
  dbName: string;
  schema: string | null;
  doc: string | null;
  fields: ColumnField[];
  /** The view's SELECT from `@@sql` (Kiln extension: migrations own the view); else `null`. */
  sql: string | null;
  /** The unique identifier fields the client may use, from `@id`/`@@id`/`@unique`. */
  uniqueFields: string[][];
}

export type RelationKind = 'oneToOne' | 'oneToMany' | 'manyToMany';

/** One side of a relation: a model and its field pointing at the other side. */
export interface RelationSide {
  model: string;
  field: string;
}

export interface Relation {
  name: string;
  kind: RelationKind;
  /**
   * For 1:1 and 1:n, `from` holds the foreign key (`fields`/`references`) and `to` is the
   * referenced side. For m:n, `from` is the model whose column in the join table is `A`.
   */
  from: RelationSide;
  to: RelationSide;
  /**
   * The referential actions in force (defaults applied), also under `relationMode = "prisma"`
   * where the database has no foreign key and the client emulates them; `null` for m:n.
   */
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
  joinTable: JoinTable | null;
}

/** The table behind an implicit m:n relation, named as Prisma Migrate names it. */
export interface JoinTable {
  name: string;
  schema: string | null;
  a: JoinColumn;
  b: JoinColumn;
  /** `_T_AB_pkey` (PostgreSQL primary key) or `_T_AB_unique` (unique index elsewhere). */
  uniqueName: string;
  uniqueKind: 'primaryKey' | 'uniqueIndex';
  /** `_T_B_index`. */
  indexName: string;
}

export interface JoinColumn {
  /** `A` or `B`. */
  column: string;
  model: string;
  table: string;
  /** The referenced id field and its column, type and native type. */
  field: string;
  referencedColumn: string;
  type: string;
  nativeType: NativeType | null;
  fkName: string;
}
