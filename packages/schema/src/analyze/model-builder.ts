import type { BlockAttribute, ModelBlock } from '../ast/nodes.js';
import { Messages } from '../diagnostics/messages.js';
import type { ColumnField, Index, IndexField, IndexKind, IndexType, Model, PrimaryKey, View } from '../ir/types.js';
import { attributeNameSpan, bindArgs, booleanArg, fieldListArg, nameArg, stringArg, type BoundArgs, type FieldRef } from './arguments.js';
import type { Ctx, ModelDraft } from './context.js';
import { analyzeField, checkSchema, suggestAttr, type FieldKey } from './fields.js';
import { constraintName } from './names.js';
import { suggest } from './suggest.js';

const MODEL_ATTRIBUTES = ['id', 'unique', 'index', 'fulltext', 'map', 'ignore', 'schema', 'check', 'renamedFrom', 'sql'];
const INDEX_TYPES: readonly IndexType[] = ['BTree', 'Hash', 'Gist', 'Gin', 'SpGist', 'Brin'];

interface KeyDraft {
  fields: FieldRef[];
  map: string | null;
  name: string | null;
  span: BlockAttribute['span'];
}

/** Analyses a model or view block: its fields, keys, indexes, checks and names. */
export function buildModel(decl: ModelBlock, ctx: Ctx): ModelDraft {
  const { sink } = ctx;
  const draft: ModelDraft = {
    decl,
    fieldDecls: new Map(),
    relations: [],
    sql: null,
    indexSpans: [],
    declaresId: false,
    hasUnresolvedFields: false,
    ir: {
      name: decl.name.text,
      dbName: decl.name.text,
      schema: null,
      doc: decl.doc.length ? decl.doc.join('\n') : null,
      ignored: false,
      renamedFrom: null,
      fields: [],
      primaryKey: null,
      indexes: [],
      checks: [],
      foreignKeys: [],
    },
  };
  const model = draft.ir;
  const ids: FieldKey[] = [];
  const fieldUniques: FieldKey[] = [];

  for (const m of decl.members) {
    if (m.kind !== 'field' || !m.name.text) continue;
    if (draft.fieldDecls.has(m.name.text)) {
      sink.report(Messages.duplicateField, m.name.span, model.name, m.name.text);
      continue;
    }
    draft.fieldDecls.set(m.name.text, m);
    const r = analyzeField(m, model.name, ctx);
    if (r.unresolved) draft.hasUnresolvedFields = true;
    if (m.attributes.some((x) => x.name.text === 'id')) draft.declaresId = true;
    if (r.column) model.fields.push(r.column);
    if (r.relation) {
      if (decl.kind === 'view') {
        sink.report(Messages.attributeNotAllowedHere, m.name.span, `The relation field "${m.name.text}"`, 'a view');
      } else {
        model.fields.push(r.relation.field);
        draft.relations.push(r.relation);
      }
    }
    if (r.id) ids.push(r.id);
    if (r.unique) fieldUniques.push(r.unique);
  }

  const blockIds: KeyDraft[] = [];
  const seen = new Set<string>();
  const repeatable = new Set(['unique', 'index', 'fulltext', 'check']);
  let sql: string | null = null;
  const pendingIndexes: { kind: IndexKind; key: KeyDraft; args: BoundArgs; attr: BlockAttribute }[] = [];

  for (const a of decl.members) {
    if (a.kind !== 'blockAttribute' || !a.name.text) continue;
    const name = a.name.text;
    const label = `@@${name}`;
    if (!MODEL_ATTRIBUTES.includes(name)) {
      sink.report(Messages.unknownAttribute, attributeNameSpan(a), label, `a ${decl.kind}`, suggestAttr(name, MODEL_ATTRIBUTES, '@@'));
      continue;
    }
    if (!repeatable.has(name)) {
      if (seen.has(name)) {
        sink.report(Messages.duplicateAttribute, attributeNameSpan(a), label);
        continue;
      }
      seen.add(name);
    }
    const notHere = (): void => sink.report(Messages.attributeNotAllowedHere, attributeNameSpan(a), `"${label}"`, `a ${decl.kind}`);
    switch (name) {
      case 'map':
        model.dbName = stringArg(bindArgs(a, label, [{ name: 'name', positional: true, required: true }], sink), 'name', sink) ?? model.dbName;
        break;
      case 'ignore':
        bindArgs(a, label, [], sink);
        model.ignored = true;
        break;
      case 'schema': {
        const s = stringArg(bindArgs(a, label, [{ name: 'name', positional: true, required: true }], sink), 'name', sink);
        if (s !== null) checkSchema(s, a.span, ctx);
        model.schema = s;
        break;
      }
      case 'renamedFrom':
        model.renamedFrom = stringArg(bindArgs(a, label, [{ name: 'from', positional: true, required: true }], sink), 'from', sink);
        break;
      case 'sql': {
        if (decl.kind !== 'view') {
          notHere();
          break;
        }
        sql = stringArg(bindArgs(a, label, [{ name: 'sql', positional: true, required: true }], sink), 'sql', sink);
        if (sql !== null && !sql.trim()) sink.report(Messages.viewSqlEmpty, a.span);
        break;
      }
      case 'check': {
        if (decl.kind === 'view') {
          notHere();
          break;
        }
        const args = bindArgs(a, label, [{ name: 'expression', positional: true, required: true }, { name: 'name' }], sink);
        const expression = stringArg(args, 'expression', sink);
        const checkName = stringArg(args, 'name', sink);
        if (expression !== null && !expression.trim()) sink.report(Messages.emptyCheck, a.span);
        else if (expression !== null) {
          model.checks.push({ dbName: checkName ?? '', expression });
        }
        break;
      }
      case 'id': {
        draft.declaresId = true;
        const args = bindArgs(a, label, [{ name: 'fields', positional: true, required: true }, { name: 'name' }, { name: 'map' }, { name: 'clustered' }], sink);
        const key = readKey(args, sink, false);
        if (key) blockIds.push({ ...key, span: a.span });
        break;
      }
      case 'unique':
      case 'index':
      case 'fulltext': {
        if (name === 'index' && decl.kind === 'view') {
          notHere();
          break;
        }
        const params =
          name === 'fulltext'
            ? [{ name: 'fields', positional: true, required: true }, { name: 'map' }]
            : [
                { name: 'fields', positional: true, required: true },
                { name: 'name' },
                { name: 'map' },
                { name: 'clustered' },
                { name: 'where' },
                ...(name === 'index' ? [{ name: 'type' }] : []),
              ];
        const args = bindArgs(a, label, params, sink);
        const key = readKey(args, sink, name === 'index');
        if (key) pendingIndexes.push({ kind: name, key: { ...key, span: a.span }, args, attr: a });
        break;
      }
    }
  }

  // Primary key: one field-level @id or one @@id, never both.
  for (const extra of [...ids, ...blockIds].slice(1)) sink.report(Messages.multipleIds, extra.span, model.name);
  const table = model.dbName;
  const provider = ctx.provider ?? 'postgresql';
  const idField = ids[0];
  if (idField) {
    model.primaryKey = {
      dbName: idField.map ?? constraintName(provider, table, [], 'pkey'),
      clientName: null,
      fields: [indexField(model, { name: idField.field, span: idField.span, sort: idField.sort, length: idField.length, ops: null })],
    };
  } else if (blockIds[0]) {
    const k = blockIds[0];
    if (checkFieldRefs(draft, k.fields, '@@id', ctx, true)) {
      model.primaryKey = {
        dbName: k.map ?? constraintName(provider, table, [], 'pkey'),
        clientName: k.fields.length > 1 ? (k.name ?? k.fields.map((f) => f.name).join('_')) : k.name,
        fields: k.fields.map((f) => indexField(model, f)),
      };
      for (const f of k.fields) {
        const fd = draft.fieldDecls.get(f.name);
        if (fd?.type.optional) sink.report(Messages.optionalId, f.span, f.name);
      }
    }
  }
  markIdFields(model, model.primaryKey);

  for (const u of fieldUniques) {
    const f = indexField(model, { name: u.field, span: u.span, sort: u.sort, length: u.length, ops: null });
    model.indexes.push(makeIndex('unique', u.map ?? constraintName(provider, table, [f.column], 'key'), null, [f]));
    draft.indexSpans.push(u.span);
  }
  for (const p of pendingIndexes) {
    if (!checkFieldRefs(draft, p.key.fields, `@@${p.kind}`, ctx, p.kind !== 'index')) continue;
    const fields = p.key.fields.map((f) => indexField(model, f));
    const suffix = p.kind === 'unique' ? 'key' : 'idx';
    const dbName = p.key.map ?? constraintName(provider, table, fields.map((f) => f.column), suffix);
    const clientName = p.kind === 'unique' && fields.length > 1 ? (p.key.name ?? fields.map((f) => f.name).join('_')) : p.key.name;
    const index = makeIndex(p.kind, dbName, clientName, fields);
    index.type = nameArg(p.args, 'type', INDEX_TYPES, sink);
    // Every database has B-tree indexes; the other kinds are PostgreSQL's.
    if (index.type && index.type !== 'BTree' && ctx.provider && ctx.provider !== 'postgresql') {
      sink.report(Messages.indexOptionUnsupported, p.args.argSpan('type'), `The index option "type: ${index.type}"`, ctx.provider);
    }
    if (p.args.has('clustered')) {
      booleanArg(p.args, 'clustered', sink);
      if (ctx.provider) sink.report(Messages.indexOptionUnsupported, p.args.argSpan('clustered'), 'The index option "clustered"', ctx.provider);
    }
    index.where = stringArg(p.args, 'where', sink);
    if (index.where !== null && ctx.provider === 'mysql') {
      sink.report(Messages.indexOptionUnsupported, p.args.argSpan('where'), 'A partial index ("where:")', 'mysql');
    }
    if (p.kind === 'fulltext' && ctx.provider && ctx.provider !== 'mysql') {
      sink.report(Messages.indexOptionUnsupported, attributeNameSpan(p.attr), 'A full-text index ("@@fulltext")', ctx.provider);
    }
    p.key.fields.forEach((ref, n) => {
      const f = fields[n]!;
      if (f.ops !== null && ctx.provider && ctx.provider !== 'postgresql') {
        sink.report(Messages.indexOptionUnsupported, ref.span, 'The index option "ops"', ctx.provider);
      }
      if (f.length !== null && ctx.provider && ctx.provider !== 'mysql') {
        sink.report(Messages.indexOptionUnsupported, ref.span, 'The index option "length"', ctx.provider);
      }
    });
    const dup = model.indexes.find(
      (i) => i.kind === index.kind && (i.type ?? 'BTree') === (index.type ?? 'BTree') && sameFields(i.fields, index.fields) && i.where === index.where,
    );
    if (dup) {
      // The same index twice is a mistake, not a second index: warn and keep the first.
      sink.report(Messages.duplicateIndex, p.attr.span, `@@${p.kind}`);
      continue;
    }
    model.indexes.push(index);
    draft.indexSpans.push(p.attr.span);
  }
  model.checks.forEach((c, i) => {
    if (!c.dbName) c.dbName = constraintName(provider, table, [], model.checks.length > 1 ? `check${i + 1}` : 'check');
  });
  draft.sql = sql;
  return draft;
}

/**
 * Reads the fields, `map:` and `name:` of a key or index. On `@@index`, `name:` is the legacy
 * spelling of `map:` (Prisma 2), so it names the index in the database.
 */
function readKey(args: BoundArgs, sink: Ctx['sink'], isIndex: boolean): Omit<KeyDraft, 'span'> | null {
  const fields = fieldListArg(args, 'fields', sink);
  let map = stringArg(args, 'map', sink);
  let name = args.has('name') ? stringArg(args, 'name', sink) : null;
  if (isIndex && args.has('name')) {
    if (args.has('map')) sink.report(Messages.duplicateArgument, args.argSpan('name'), args.label, 'map (or its old name, "name")');
    else map = name;
    name = null;
  }
  if (!fields) return null;
  if (fields.length === 0) {
    sink.report(Messages.invalidArgument, args.argSpan('fields'), args.label, 'fields', 'a non-empty list of field names');
    return null;
  }
  return { fields, map, name };
}

/** Every name in a key or index must be a column field of the model. */
function checkFieldRefs(draft: ModelDraft, refs: FieldRef[], label: string, ctx: Ctx, noLists: boolean): boolean {
  let ok = true;
  for (const r of refs) {
    const field = draft.ir.fields.find((f) => f.name === r.name);
    if (!field) {
      if (!draft.fieldDecls.has(r.name)) {
        const s = suggest(r.name, draft.ir.fields.map((f) => f.name));
        ctx.sink.report(Messages.unknownFieldReference, r.span, label, r.name, draft.ir.name, s);
      }
      ok = false;
    } else if (field.kind === 'relation') {
      ctx.sink.report(Messages.relationFieldInIndex, r.span, label, r.name);
      ok = false;
    } else if (noLists && field.list) {
      ctx.sink.report(Messages.listFieldInIndex, r.span, label, r.name);
      ok = false;
    }
  }
  return ok;
}

function indexField(model: Model, r: FieldRef): IndexField {
  const f = model.fields.find((x): x is ColumnField => x.name === r.name && x.kind !== 'relation');
  return { name: r.name, column: f?.column ?? r.name, sort: r.sort, length: r.length, ops: r.ops };
}

function makeIndex(kind: IndexKind, dbName: string, clientName: string | null, fields: IndexField[]): Index {
  return { kind, dbName, clientName, fields, type: null, clustered: null, where: null, renamedFrom: null };
}

function markIdFields(model: Model, pk: PrimaryKey | null): void {
  for (const f of pk?.fields ?? []) {
    const field = model.fields.find((x) => x.name === f.name);
    if (field && field.kind !== 'relation') field.isId = true;
  }
}

function sameFields(a: IndexField[], b: IndexField[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i]!;
      return f.name === g.name && (f.sort ?? 'Asc') === (g.sort ?? 'Asc') && f.length === g.length && f.ops === g.ops;
    })
  );
}

/** The view form of an analysed block: column fields, `@@sql`, and its unique identifiers. */
export function toView(draft: ModelDraft): View {
  const m = draft.ir;
  const uniqueFields: string[][] = [];
  if (m.primaryKey) uniqueFields.push(m.primaryKey.fields.map((f) => f.name));
  for (const i of m.indexes) if (i.kind === 'unique') uniqueFields.push(i.fields.map((f) => f.name));
  return {
    name: m.name,
    dbName: m.dbName,
    schema: m.schema,
    doc: m.doc,
    fields: m.fields.filter((f): f is ColumnField => f.kind !== 'relation'),
    sql: draft.sql,
    uniqueFields,
  };
}
