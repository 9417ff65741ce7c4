import type { Attribute, FieldDecl } from '../ast/nodes.js';
import { Messages } from '../diagnostics/messages.js';
import type { Span } from '../diagnostics/span.js';
import { SCALAR_TYPES, type ColumnField, type NativeType, type ReferentialAction, type ScalarType } from '../ir/types.js';
import { attributeNameSpan, bindArgs, booleanArg, integerArg, nameArg, nameListArg, stringArg } from './arguments.js';
import { expressionText } from './config-blocks.js';
import type { Ctx, RelationDraft } from './context.js';
import { readDefault } from './defaults.js';
import { NATIVE_TYPES } from './native-types.js';
import { suggest } from './suggest.js';

export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = ['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault'];
const FIELD_ATTRIBUTES = ['id', 'default', 'unique', 'map', 'updatedAt', 'ignore', 'relation', 'renamedFrom'];

/** A field-level `@id` or `@unique`, for the model pass to turn into a key or an index. */
export interface FieldKey {
  field: string;
  span: Span;
  map: string | null;
  sort: 'Asc' | 'Desc' | null;
  length: number | null;
}

export interface FieldResult {
  /** The field's type could not be resolved (already reported). */
  unresolved?: boolean;
  column: ColumnField | null;
  relation: RelationDraft | null;
  id: FieldKey | null;
  unique: FieldKey | null;
}

const empty: FieldResult = { column: null, relation: null, id: null, unique: null };

/** Resolves one field's type and attributes. `owner` is the model or view name. */
export function analyzeField(decl: FieldDecl, owner: string, ctx: Ctx): FieldResult {
  const { sink, symbols } = ctx;
  const typeName = decl.type.name.text;
  const name = decl.name.text;
  if (!name || !typeName) return empty; // a syntax error already said what is missing

  if (decl.type.optional && decl.type.list) sink.report(Messages.optionalList, decl.type.span, name);

  const doc = decl.doc.length ? decl.doc.join('\n') : null;
  const attrs = groupAttributes(decl.attributes, ctx);
  const ignored = attrs.has('ignore');
  const renamedFrom = attrs.has('renamedFrom')
    ? stringArg(bindArgs(attrs.get('renamedFrom')!, '@renamedFrom', [{ name: 'from', positional: true, required: true }], sink), 'from', sink)
    : null;

  if (symbols.models.has(typeName) || symbols.views.has(typeName)) {
    for (const [key, a] of attrs) {
      if (key !== 'relation' && key !== 'ignore') {
        sink.report(Messages.attributeWrongType, attributeNameSpan(a), `@${a.name.text}`, name, typeName, 'scalar and enum fields');
      }
    }
    const relation = relationDraft(decl, owner, attrs.get('relation'), ctx);
    relation.field.ignored = ignored;
    relation.field.doc = doc;
    relation.field.renamedFrom = renamedFrom;
    return { ...empty, relation };
  }
  if (symbols.types.has(typeName)) return empty; // reported once, on the `type` block

  let kind: ColumnField['kind'];
  let type: string;
  if (SCALAR_TYPES.includes(typeName as ScalarType)) {
    kind = 'scalar';
    type = typeName;
  } else if (symbols.enums.has(typeName)) {
    kind = 'enum';
    type = typeName;
  } else if (typeName === 'Unsupported') {
    kind = 'unsupported';
    type = decl.type.unsupported?.value ?? '';
    if (!decl.type.unsupported) sink.report(Messages.unsupportedTypeMissingText, decl.type.span);
  } else {
    const models = [...symbols.models.keys(), ...symbols.views.keys()];
    const s = suggest(typeName, [...SCALAR_TYPES, ...symbols.enums.keys(), ...models]);
    // "unknown model" when it looks like one (the closest name is a model, or nothing is close
    // and it is capitalised like a model); otherwise "unknown type".
    const what = (s ? models.includes(s) : /^[A-Z]/.test(typeName)) ? 'model' : 'type';
    sink.report(Messages.unknownType, decl.type.name.span, name, typeName, s, what);
    return { ...empty, unresolved: true };
  }

  if (decl.type.list && kind !== 'unsupported' && ctx.provider && ctx.provider !== 'postgresql') {
    sink.report(Messages.scalarListUnsupported, decl.type.span, name, ctx.provider);
  }
  const rel = attrs.get('relation');
  if (rel) sink.report(Messages.attributeWrongType, attributeNameSpan(rel), '@relation', name, typeName, 'relation fields');

  let column = name;
  const mapAttr = attrs.get('map');
  if (mapAttr) column = stringArg(bindArgs(mapAttr, '@map', [{ name: 'name', positional: true, required: true }], sink), 'name', sink) ?? name;

  const updatedAt = attrs.has('updatedAt');
  if (updatedAt) {
    bindArgs(attrs.get('updatedAt')!, '@updatedAt', [], sink);
    if (type !== 'DateTime' || kind !== 'scalar' || decl.type.list) {
      const shown = kind === 'unsupported' ? `Unsupported("${type}")` : `${typeName}${decl.type.list ? '[]' : ''}`;
      sink.report(Messages.attributeWrongType, attributeNameSpan(attrs.get('updatedAt')!), '@updatedAt', name, shown, 'DateTime fields');
    }
  }
  if (ignored) bindArgs(attrs.get('ignore')!, '@ignore', [], sink);

  let def: ColumnField['default'] = null;
  const defAttr = attrs.get('default');
  if (defAttr) {
    const args = bindArgs(defAttr, '@default', [{ name: 'value', positional: true, required: true }, { name: 'map' }], sink);
    stringArg(args, 'map', sink);
    const value = args.get('value');
    if (value) {
      const enumBlock = kind === 'enum' ? symbols.enums.get(type) : undefined;
      const enumValues = enumBlock
        ? new Set(enumBlock.members.flatMap((m) => (m.kind === 'enumValue' ? [m.name.text] : [])))
        : null;
      def = readDefault(value, { field: name, kind, type, list: decl.type.list, enumValues }, sink);
    }
  }

  const id = fieldKey(attrs.get('id'), '@id', name, ctx);
  const unique = fieldKey(attrs.get('unique'), '@unique', name, ctx);
  if (id && decl.type.optional) sink.report(Messages.optionalId, decl.name.span, name);

  const field: ColumnField = {
    kind,
    name,
    type,
    column,
    nativeType: nativeType(attrs, decl, kind, type, ctx),
    optional: decl.type.optional,
    list: decl.type.list,
    default: def,
    isId: false,
    updatedAt,
    doc,
    ignored,
    renamedFrom,
  };
  return { column: field, relation: null, id, unique };
}

/**
 * Indexes a field's attributes by name (`db.X` under the key `db`), reporting unknown and
 * repeated ones. Only the first of a repeated attribute counts.
 */
function groupAttributes(attributes: readonly Attribute[], ctx: Ctx): Map<string, Attribute> {
  const out = new Map<string, Attribute>();
  for (const a of attributes) {
    const text = a.name.text;
    if (!text) continue;
    const key = text.startsWith('db.') ? 'db' : text;
    if (key !== 'db' && !FIELD_ATTRIBUTES.includes(key)) {
      ctx.sink.report(Messages.unknownAttribute, attributeNameSpan(a), `@${text}`, 'a field', suggestAttr(text, FIELD_ATTRIBUTES, '@'));
      continue;
    }
    if (out.has(key)) {
      ctx.sink.report(Messages.duplicateAttribute, attributeNameSpan(a), key === 'db' ? '@db' : `@${text}`);
      continue;
    }
    out.set(key, a);
  }
  return out;
}

/** Reports a `@@schema` name that the datasource does not list. */
export function checkSchema(schema: string, span: Span, ctx: Ctx): void {
  const listed = ctx.datasource?.schemas ?? null;
  if (!listed || listed.includes(schema)) return;
  ctx.sink.report(Messages.unknownSchema, span, schema, listed.length > 0, suggest(schema, listed));
}

export function suggestAttr(text: string, known: readonly string[], prefix: string): string | null {
  const s = suggest(text, known);
  return s ? `${prefix}${s}` : null;
}

function fieldKey(attr: Attribute | undefined, label: string, field: string, ctx: Ctx): FieldKey | null {
  if (!attr) return null;
  const { sink } = ctx;
  const args = bindArgs(attr, label, [{ name: 'map' }, { name: 'length' }, { name: 'sort' }, { name: 'clustered' }], sink);
  if (args.has('clustered')) {
    booleanArg(args, 'clustered', sink);
    if (ctx.provider) sink.report(Messages.indexOptionUnsupported, args.argSpan('clustered'), 'The index option "clustered"', ctx.provider);
  }
  const length = integerArg(args, 'length', sink);
  if (length !== null && ctx.provider && ctx.provider !== 'mysql') {
    sink.report(Messages.indexOptionUnsupported, args.argSpan('length'), 'The index option "length"', ctx.provider);
  }
  return {
    field,
    span: attr.span,
    map: stringArg(args, 'map', sink),
    sort: nameArg(args, 'sort', ['Asc', 'Desc'] as const, sink),
    length,
  };
}

function nativeType(
  attrs: Map<string, Attribute>,
  decl: FieldDecl,
  kind: ColumnField['kind'],
  type: string,
  ctx: Ctx,
): NativeType | null {
  const a = attrs.get('db');
  if (!a || !ctx.provider) return null;
  const { sink, provider } = ctx;
  const name = a.name.text.slice(3);
  const catalogue = NATIVE_TYPES[provider];
  const spec = catalogue[name];
  if (!spec) {
    sink.report(Messages.nativeTypeUnsupported, attributeNameSpan(a), name, provider, suggest(name, Object.keys(catalogue)));
    return null;
  }
  if (kind !== 'scalar' || !spec.scalars.includes(type as ScalarType)) {
    sink.report(Messages.nativeTypeWrongScalar, attributeNameSpan(a), name, kind === 'scalar' ? type : `${decl.type.name.text}`, spec.scalars.join(' or '));
    return null;
  }
  const args: string[] = [];
  for (const arg of a.args ?? []) {
    const v = arg.value;
    if (!arg.name && v.kind === 'number' && /^\d+$/.test(v.text)) args.push(v.text);
    else if (!arg.name && v.kind === 'path' && v.text === 'max') args.push('max');
    else {
      sink.report(Messages.nativeTypeArguments, arg.span, name, 'whole-number arguments');
      return null;
    }
  }
  const [min, max] = spec.args;
  if (args.length < min || args.length > max) {
    const expected = max === 0 ? 'no arguments' : min === max ? `${min} argument${min > 1 ? 's' : ''}` : `${min} to ${max} arguments`;
    sink.report(Messages.nativeTypeArguments, a.span, name, expected);
    return null;
  }
  return { name, args };
}

function relationDraft(decl: FieldDecl, owner: string, attr: Attribute | undefined, ctx: Ctx): RelationDraft {
  const { sink } = ctx;
  const draft: RelationDraft = {
    model: owner,
    decl,
    name: null,
    fields: null,
    references: null,
    onDelete: null,
    onUpdate: null,
    map: null,
    span: attr?.span ?? decl.span,
    field: {
      kind: 'relation',
      name: decl.name.text,
      type: decl.type.name.text,
      relation: '',
      fields: [],
      references: [],
      optional: decl.type.optional,
      list: decl.type.list,
      doc: null,
      ignored: false,
      renamedFrom: null,
    },
  };
  if (!attr) return draft;
  const args = bindArgs(
    attr,
    '@relation',
    [{ name: 'name', positional: true }, { name: 'fields' }, { name: 'references' }, { name: 'onDelete' }, { name: 'onUpdate' }, { name: 'map' }],
    sink,
  );
  draft.name = stringArg(args, 'name', sink);
  draft.fields = nameListArg(args, 'fields', sink);
  draft.references = nameListArg(args, 'references', sink);
  draft.map = stringArg(args, 'map', sink);
  for (const key of ['onDelete', 'onUpdate'] as const) {
    const e = args.get(key);
    if (!e) continue;
    if (e.kind === 'path' && (REFERENTIAL_ACTIONS as readonly string[]).includes(e.text)) {
      draft[key] = { value: e.text as ReferentialAction, span: e.span };
    } else sink.report(Messages.invalidReferentialAction, e.span, expressionText(e));
  }
  return draft;
}
