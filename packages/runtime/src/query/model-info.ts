import { col, schemaTable, table, type ColumnRefNode, type TableNode } from '@kiln/sql';
import type { RuntimeColumn, RuntimeModel, RuntimeRelation, RuntimeSchema } from '../runtime-schema.js';
import type { Decoder, Encoder, ValueCodec } from '../values/codec.js';

export interface ColumnInfo {
  field: RuntimeColumn;
  encode: Encoder;
  decode: Decoder | null;
  bigints: boolean;
}

/** A model with everything the planner looks up per query precomputed once. */
export class ModelInfo {
  readonly columns = new Map<string, ColumnInfo>();
  readonly relations = new Map<string, RuntimeRelation>();
  /** Scalar fields returned by default (not Unsupported), in schema order. */
  readonly defaultFields: string[] = [];
  /** Unique keys by their WhereUniqueInput name. */
  readonly uniques = new Map<string, string[]>();

  constructor(
    readonly model: RuntimeModel,
    codec: ValueCodec,
    enums: RuntimeSchema['enums'],
  ) {
    for (const f of model.fields) {
      if (f.kind === 'relation') {
        this.relations.set(f.name, f);
        continue;
      }
      const values = f.kind === 'enum' ? enums[f.type] : undefined;
      this.columns.set(f.name, {
        field: f,
        encode: codec.encoder(f, values),
        decode: codec.decoder(f, values),
        bigints: codec.needsBigints(f),
      });
      if (f.kind !== 'unsupported') this.defaultFields.push(f.name);
    }
    for (const u of model.uniques) this.uniques.set(u.key, u.fields);
  }

  get name(): string {
    return this.model.name;
  }

  /** Whether any column is a BigInt (its statements then read integers as bigint). */
  get hasBigInts(): boolean {
    for (const c of this.columns.values()) if (c.bigints) return true;
    return false;
  }

  /** The table without an alias: the target of INSERT, UPDATE and DELETE. */
  target(): TableNode {
    return this.model.schema ? schemaTable(this.model.schema, this.model.dbName) : table(this.model.dbName);
  }

  table(alias: string): TableNode {
    return this.model.schema ? schemaTable(this.model.schema, this.model.dbName, alias) : table(this.model.dbName, alias);
  }

  column(alias: string, field: string): ColumnRefNode {
    return col(alias, this.columns.get(field)!.field.column);
  }

  has(field: string): boolean {
    return this.columns.has(field) || this.relations.has(field);
  }

  /**
   * The fields of a unique key or of a foreign key this model holds, by the constraint's
   * database name (PostgreSQL and MySQL report it). Keys without a recorded name get the
   * default one (`Table_a_b_key`, `Table_pkey`, `Table_a_fkey`), as the schema names them.
   */
  fieldsOfConstraint(name: string): string[] | null {
    const table = this.model.dbName;
    const columns = (fields: readonly string[]) => fields.map((f) => this.columns.get(f)?.field.column ?? f).join('_');
    for (const u of this.model.uniques) {
      if (u.dbName === name) return u.fields;
      if (u.dbName === undefined && (name === `${table}_${columns(u.fields)}_key` || (sameFields(u.fields, this.model.primaryKey) && name === `${table}_pkey`))) return u.fields;
    }
    for (const r of this.relations.values()) {
      if (r.keyOn !== 'local') continue;
      if (r.fkName === name || (r.fkName === undefined && name === `${table}_${columns(r.localFields)}_fkey`)) return r.localFields;
    }
    return null;
  }

  /** Field names for messages: "id, email, posts". */
  fieldList(): string {
    return [...this.columns.keys(), ...this.relations.keys()].join(', ');
  }
}

export class SchemaInfo {
  readonly models = new Map<string, ModelInfo>();

  constructor(
    readonly schema: RuntimeSchema,
    readonly codec: ValueCodec,
  ) {
    for (const m of Object.values(schema.models)) this.models.set(m.name, new ModelInfo(m, codec, schema.enums));
  }

  model(name: string): ModelInfo {
    const m = this.models.get(name);
    if (!m) throw new Error(`Kiln: unknown model ${name}; regenerate the client.`);
    return m;
  }

  /** The model owning a unique key or foreign key of this database name, for driver errors. */
  modelByConstraint(name: string): ModelInfo | undefined {
    for (const m of this.models.values()) if (m.fieldsOfConstraint(name)) return m;
    return undefined;
  }

  /** Table name → model, for naming the model in driver errors. */
  modelByTable(table: string): ModelInfo | undefined {
    for (const m of this.models.values()) if (m.model.dbName === table) return m;
    return undefined;
  }
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
