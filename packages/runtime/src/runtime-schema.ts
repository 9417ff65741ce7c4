/**
 * The slice of the schema IR that the runtime reads, embedded in every generated client as a
 * plain JSON constant. The generator derives it from the IR (`packages/generator`), so the
 * runtime never imports the parser. Key names match the IR's, so the IR docs apply.
 *
 * Everything the runtime would otherwise recompute per query is resolved here: how each relation
 * joins, which defaults the client generates, which field sets identify a row.
 */
export interface RuntimeSchema {
  provider: 'postgresql' | 'mysql' | 'sqlite';
  /** `prisma`: no foreign keys in the database; the client enforces referential actions. */
  relationMode: 'foreignKeys' | 'prisma';
  /** Models by name. */
  models: Record<string, RuntimeModel>;
  /** Enum name → value name → stored value (equal unless `@map`). */
  enums: Record<string, Record<string, string>>;
}

export interface RuntimeModel {
  name: string;
  /** Table name after `@@map`. */
  dbName: string;
  schema: string | null;
  /** Fields in schema order: columns and relations. `@ignore`d fields are left out. */
  fields: RuntimeField[];
  /** Primary key field names (empty when the model has none). */
  primaryKey: string[];
  /** Unique field sets usable in `where` of findUnique/update/delete, primary key first. */
  uniques: RuntimeUnique[];
}

export interface RuntimeUnique {
  /** The key in a `WhereUniqueInput`: the field name for one field, `a_b` (or `name:`) for several. */
  key: string;
  fields: string[];
  /** The constraint's database name (`User_email_key`), to name fields in driver errors. */
  dbName?: string;
}

export type RuntimeField = RuntimeColumn | RuntimeRelation;

export type ScalarTypeName = 'String' | 'Boolean' | 'Int' | 'BigInt' | 'Float' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes';

export interface RuntimeColumn {
  kind: 'scalar' | 'enum' | 'unsupported';
  name: string;
  column: string;
  /** Scalar type name; for an enum, the enum's name; for `unsupported`, the database type. */
  type: string;
  optional: boolean;
  list: boolean;
  isId: boolean;
  updatedAt: boolean;
  /** `@db.X` name and arguments, for dialect-specific coercion (e.g. `Timestamptz`, `UnsignedBigInt`). */
  nativeType: { name: string; args: string[] } | null;
  default: RuntimeDefault | null;
}

/**
 * How a column gets its value when `create` omits it:
 * - `database`: the database fills it (`autoincrement()`, `dbgenerated()`, literal defaults
 *   rendered as column DEFAULTs) and the runtime reads it back;
 * - `generate`: the client computes it (`uuid`, `cuid`, `ulid`, `nanoid`, `now`) before insert,
 *   as Prisma Client does.
 */
export type RuntimeDefault =
  | { kind: 'database'; autoincrement: boolean }
  | { kind: 'generate'; fn: 'uuid' | 'cuid' | 'ulid' | 'nanoid' | 'now'; args: (string | number)[] };

/** How a relation field joins; all names are of fields, resolved to columns by the runtime. */
export interface RuntimeRelation {
  kind: 'relation';
  name: string;
  /** The related model's name. */
  type: string;
  list: boolean;
  optional: boolean;
  /** The relation's name (shared with the opposite field). */
  relationName: string;
  /** The opposite field on the related model. */
  opposite: string;
  /**
   * - `local`: this model holds the key: `localFields` reference `targetFields` (to-one);
   * - `target`: the related model holds the key: its `targetFields` reference `localFields`;
   * - `join`: implicit m:n through `joinTable`.
   */
  keyOn: 'local' | 'target' | 'join';
  localFields: string[];
  targetFields: string[];
  joinTable: RuntimeJoinTable | null;
  /** Resolved actions, enforced by the client when `relationMode = "prisma"`; `null` for m:n. */
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
  /** The foreign key's database name when this side holds it, to name fields in driver errors. */
  fkName?: string;
}

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface RuntimeJoinTable {
  name: string;
  schema: string | null;
  /** The join-table column holding this model's id (`A` or `B`)... */
  localColumn: string;
  /** ...and the one holding the related model's id. */
  targetColumn: string;
}
