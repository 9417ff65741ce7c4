import type { ColumnField, SchemaIR } from '@kiln/schema';
import type { RuntimeModel, RuntimeSchema } from '@kiln/runtime';

/** A scalar or enum field as the client types it. */
export interface ClientScalar {
  name: string;
  doc: string | null;
  /** The result type, e.g. `string | null`, `Role[]`. */
  resultType: string;
  /** The field descriptor of the payload, e.g. `'String?'`, `'enum[]'`. */
  descriptor: string;
  /** `create` may leave it out: a default, `@updatedAt`, optional, or a list. */
  createOptional: boolean;
  /** The enum's name, for an enum field. */
  enumName: string | null;
}

export interface ClientRelation {
  name: string;
  doc: string | null;
  target: string;
  kind: 'one' | 'one?' | 'many';
  opposite: string;
  /** The foreign-key fields this side holds. */
  fk: string[];
}

/** A model or view, reduced to what the generated types need. */
export interface ClientModel {
  name: string;
  /** The client property: `User` → `user`. */
  property: string;
  doc: string | null;
  isView: boolean;
  /** `false` when a required Unsupported field without a default makes inserts impossible. */
  creatable: boolean;
  scalars: ClientScalar[];
  relations: ClientRelation[];
  /** Unique key → its fields. */
  uniques: { key: string; fields: string[] }[];
}

/** How each scalar type reads back in results. Decimal is a string so no digit is lost. */
const RESULT_TYPES: Record<string, string> = {
  String: 'string',
  Boolean: 'boolean',
  Int: 'number',
  Float: 'number',
  BigInt: 'bigint',
  Decimal: 'string',
  DateTime: 'Date',
  Json: '$JsonValue',
  Bytes: 'Uint8Array',
};

/** `User` → `user`, `OrderLineItem` → `orderLineItem`, as Prisma names delegates. */
export function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

function scalar(field: ColumnField): ClientScalar | null {
  if (field.ignored || field.kind === 'unsupported') return null;
  const base = field.kind === 'enum' ? field.type : RESULT_TYPES[field.type];
  if (base === undefined) throw new Error(`generator: unknown scalar type ${field.type} of field ${field.name}`);
  const element = field.kind === 'enum' ? 'enum' : field.type;
  return {
    name: field.name,
    doc: field.doc,
    resultType: field.list ? `${base}[]` : field.optional ? `${base} | null` : base,
    descriptor: field.list ? `${element}[]` : field.optional ? `${element}?` : element,
    createOptional: field.optional || field.list || field.default !== null || field.updatedAt,
    enumName: field.kind === 'enum' ? field.type : null,
  };
}

/** The client's view of every model and view, from the IR and the derived runtime schema. */
export function clientModels(ir: SchemaIR, schema: RuntimeSchema): ClientModel[] {
  const result: ClientModel[] = [];
  for (const model of ir.models) {
    if (model.ignored) continue;
    const runtime = schema.models[model.name] as RuntimeModel;
    const docs = new Map(model.fields.map((f) => [f.name, f.doc]));
    const relations: ClientRelation[] = [];
    for (const f of runtime.fields) {
      if (f.kind !== 'relation') continue;
      relations.push({
        name: f.name,
        doc: docs.get(f.name) ?? null,
        target: f.type,
        kind: f.list ? 'many' : f.optional ? 'one?' : 'one',
        opposite: f.opposite,
        fk: f.keyOn === 'local' ? f.localFields : [],
      });
    }
    const columns = model.fields.filter((f): f is ColumnField => f.kind !== 'relation');
    result.push({
      name: model.name,
      property: delegateName(model.name),
      doc: model.doc,
      isView: false,
      creatable: !columns.some((f) => f.kind === 'unsupported' && !f.ignored && !f.optional && f.default === null),
      scalars: columns.map(scalar).filter((s) => s !== null),
      relations,
      uniques: runtime.uniques.map((u) => ({ key: u.key, fields: u.fields })),
    });
  }
  for (const view of ir.views) {
    const runtime = schema.models[view.name] as RuntimeModel;
    result.push({
      name: view.name,
      property: delegateName(view.name),
      doc: view.doc,
      isView: true,
      creatable: false,
      scalars: view.fields.map(scalar).filter((s) => s !== null),
      relations: [],
      uniques: runtime.uniques.map((u) => ({ key: u.key, fields: u.fields })),
    });
  }
  return result;
}
