import { Messages } from '../diagnostics/messages.js';
import type { ColumnField, ForeignKey, JoinTable, Model, Relation, RelationKind } from '../ir/types.js';
import type { Ctx, ModelDraft, RelationDraft } from './context.js';
import { constraintName, defaultRelationName } from './names.js';
import { suggest } from './suggest.js';

/**
 * Pairs every relation field with its opposite field, classifies each relation (1:1, 1:n,
 * implicit m:n), checks `fields`/`references`, and fills in foreign keys and join tables.
 */
export function resolveRelations(drafts: Map<string, ModelDraft>, ctx: Ctx): Relation[] {
  const { sink, symbols } = ctx;
  const groups = new Map<string, RelationDraft[]>();
  for (const draft of drafts.values()) {
    for (const r of draft.relations) {
      const target = r.field.type;
      if (symbols.views.has(target)) {
        sink.report(Messages.relationToView, r.decl.type.name.span, r.field.name, target);
        continue;
      }
      if (!drafts.has(target)) continue;
      const key = `${[r.model, target].sort().join('\u0000')}\u0000${r.name ?? ''}`;
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    }
  }

  const relations: Relation[] = [];
  for (const group of groups.values()) {
    const pair = pairUp(group, drafts, ctx);
    if (pair) {
      const rel = classify(pair[0], pair[1], drafts, ctx);
      if (rel) relations.push(rel);
    }
  }
  return relations;
}

function pairUp(group: RelationDraft[], drafts: Map<string, ModelDraft>, ctx: Ctx): [RelationDraft, RelationDraft] | null {
  const { sink } = ctx;
  const first = group[0]!;
  const named = first.name !== null;
  if (first.model === first.field.type) {
    if (group.length === 2) return [group[0]!, group[1]!];
    for (const r of group) {
      if (group.length === 1) sink.report(Messages.missingBackRelation, r.decl.name.span, r.model, r.field.name, r.model, r.name);
      else if (named) sink.report(Messages.relationNameOveruse, r.span, first.name!);
      else sink.report(Messages.selfRelationNeedsName, r.decl.name.span, r.model);
    }
    return null;
  }
  const sideA = group.filter((r) => r.model === first.model);
  const sideB = group.filter((r) => r.model !== first.model);
  if (sideA.length === 1 && sideB.length === 1) return [sideA[0]!, sideB[0]!];
  for (const r of group) {
    const crowded = (r.model === first.model ? sideA : sideB).length > 1;
    if (crowded && named) sink.report(Messages.relationNameOveruse, r.span, first.name!);
    else if (crowded) sink.report(Messages.ambiguousRelation, r.decl.name.span, r.model, r.field.name, r.field.type);
    else if ((r.model === first.model ? sideB : sideA).length === 0 && !drafts.get(r.field.type)?.hasUnresolvedFields) {
      // (A model with an unresolved field type may hold the missing side: its error says enough.)
      sink.report(Messages.missingBackRelation, r.decl.name.span, r.model, r.field.name, r.field.type, r.name);
    }
  }
  return null;
}

function classify(x: RelationDraft, y: RelationDraft, drafts: Map<string, ModelDraft>, ctx: Ctx): Relation | null {
  const { sink } = ctx;
  const name = x.name ?? defaultRelationName(x.model, y.model);
  x.field.relation = name;
  y.field.relation = name;
  for (const r of [x, y]) {
    const target = drafts.get(r.field.type)!;
    if (target.ir.ignored && !r.field.ignored && !drafts.get(r.model)!.ir.ignored) {
      sink.report(Messages.relationToIgnored, r.decl.name.span, r.field.name, r.field.type);
    }
  }

  if (x.field.list && y.field.list) {
    let ok = true;
    for (const r of [x, y]) {
      if (r.fields || r.references) {
        sink.report(Messages.fieldsOnManyToMany, r.span, r.field.name);
        ok = false;
      }
    }
    if (!ok) return null;
    const [a, b] = orderForJoinTable(x, y);
    const joinTable = buildJoinTable(name, a, b, drafts, ctx);
    if (!joinTable) return null;
    return { name, kind: 'manyToMany', from: side(a), to: side(b), onDelete: null, onUpdate: null, joinTable };
  }

  let fk: RelationDraft;
  let other: RelationDraft;
  let kind: RelationKind;
  if (x.field.list || y.field.list) {
    kind = 'oneToMany';
    [fk, other] = x.field.list ? [y, x] : [x, y];
    if (other.fields || other.references) {
      sink.report(Messages.fieldsOnListSide, other.span, other.field.name);
      return null;
    }
  } else {
    kind = 'oneToOne';
    const xHas = Boolean(x.fields || x.references);
    const yHas = Boolean(y.fields || y.references);
    if (xHas && yHas) {
      sink.report(Messages.fieldsOnBothSides, y.span, y.field.name);
      return null;
    }
    [fk, other] = yHas ? [y, x] : [x, y];
    if (!xHas && !yHas) {
      // Without "fields" neither side holds the key; report on the one that should (the optional side rarely does).
      const holder = x.field.optional && !y.field.optional ? y : x;
      sink.report(Messages.missingFields, holder.decl.name.span, holder.model, holder.field.name, holder.field.type);
      return null;
    }
    if (!other.field.optional) sink.report(Messages.oneToOneBothRequired, other.decl.name.span, other.field.name);
  }
  if (!fk.fields || !fk.references) {
    sink.report(Messages.missingFields, fk.decl.name.span, fk.model, fk.field.name, fk.field.type);
    return null;
  }
  for (const action of ['onDelete', 'onUpdate'] as const) {
    const a = other[action];
    if (a) sink.report(Messages.actionOnWrongSide, a.span, other.field.name, action);
  }
  if (!checkForeignKey(fk, drafts, ctx)) return null;
  return { name, kind, from: side(fk), to: side(other), onDelete: fk.onDeleteResolved ?? null, onUpdate: fk.onUpdateResolved ?? null, joinTable: null };
}

const side = (r: RelationDraft) => ({ model: r.model, field: r.field.name });

/** Column `A` belongs to the model first in alphabetical order (the field, for a self-relation). */
function orderForJoinTable(x: RelationDraft, y: RelationDraft): [RelationDraft, RelationDraft] {
  if (x.model !== y.model) return x.model < y.model ? [x, y] : [y, x];
  return x.field.name < y.field.name ? [x, y] : [y, x];
}

function singleId(draft: ModelDraft): ColumnField | null {
  const pk = draft.ir.primaryKey;
  if (!pk || pk.fields.length !== 1) return null;
  const f = draft.ir.fields.find((x) => x.name === pk.fields[0]!.name);
  return f && f.kind !== 'relation' ? f : null;
}

function buildJoinTable(name: string, a: RelationDraft, b: RelationDraft, drafts: Map<string, ModelDraft>, ctx: Ctx): JoinTable | null {
  const provider = ctx.provider ?? 'postgresql';
  const table = `_${name}`;
  const columns: JoinTable['a'][] = [];
  for (const [letter, r] of [['A', a], ['B', b]] as const) {
    const model = drafts.get(r.model)!;
    const id = singleId(model);
    if (!id) {
      ctx.sink.report(Messages.manyToManyNeedsSingleId, r.decl.name.span, r.model);
      return null;
    }
    columns.push({
      column: letter,
      model: r.model,
      table: model.ir.dbName,
      field: id.name,
      referencedColumn: id.column,
      type: id.type,
      nativeType: id.nativeType,
      fkName: constraintName(provider, table, [letter], 'fkey'),
    });
  }
  const pg = provider === 'postgresql';
  return {
    name: table,
    schema: drafts.get(a.model)!.ir.schema,
    a: columns[0]!,
    b: columns[1]!,
    uniqueName: constraintName(provider, table, ['AB'], pg ? 'pkey' : 'unique'),
    uniqueKind: pg ? 'primaryKey' : 'uniqueIndex',
    indexName: constraintName(provider, table, ['B'], 'index'),
  };
}

/** Checks `fields`/`references` of the side holding the key, and records the foreign key. */
function checkForeignKey(fk: RelationDraft, drafts: Map<string, ModelDraft>, ctx: Ctx): boolean {
  const { sink } = ctx;
  const own = drafts.get(fk.model)!;
  const target = drafts.get(fk.field.type)!;
  const fields = fk.fields!;
  const refs = fk.references!;
  const label = '@relation';
  let ok = true;

  const resolve = (model: Model, list: typeof fields): (ColumnField | null)[] =>
    list.map((ref) => {
      const f = model.fields.find((x) => x.name === ref.name);
      if (!f) {
        const s = suggest(ref.name, model.fields.filter((x) => x.kind !== 'relation').map((x) => x.name));
        sink.report(Messages.unknownFieldReference, ref.span, label, ref.name, model.name, s);
        ok = false;
        return null;
      }
      if (f.kind === 'relation' || f.list) {
        sink.report(Messages.relationScalarIsList, ref.span, fk.field.name);
        ok = false;
        return null;
      }
      return f;
    });
  const local = resolve(own.ir, fields);
  const remote = resolve(target.ir, refs);
  if (!ok) return false;
  if (fields.length === 0 || refs.length === 0) {
    const which = fields.length === 0 ? 'fields' : 'references';
    sink.report(Messages.invalidArgument, fk.span, '"@relation"', which, 'a non-empty list of field names');
    return false;
  }
  if (fields.length !== refs.length) {
    sink.report(Messages.fieldsReferencesLength, fk.span, fk.field.name, fields.length, refs.length);
    return false;
  }
  local.forEach((l, i) => {
    const r = remote[i]!;
    if (l && r && (l.kind !== r.kind || l.type !== r.type)) {
      sink.report(Messages.fieldsReferencesType, fields[i]!.span, fk.field.name, l.name, l.type, r.name, r.type);
      ok = false;
    }
  });
  if (!ok) return false;

  const refNames = refs.map((r) => r.name);
  const sameSet = (names: string[]) => names.length === refNames.length && names.every((n) => refNames.includes(n));
  const keys = [
    ...(target.ir.primaryKey ? [target.ir.primaryKey.fields.map((f) => f.name)] : []),
    ...target.ir.indexes.filter((i) => i.kind === 'unique' && i.where === null).map((i) => i.fields.map((f) => f.name)),
  ];
  if (!keys.some(sameSet)) {
    sink.report(Messages.referencesNotUnique, refs[0]!.span, fk.field.name, target.ir.name, refNames.join(', '));
    return false;
  }

  const anyOptional = local.some((l) => l!.optional);
  // An optional relation over required key fields is allowed, as in Prisma; the reverse is not.
  if (anyOptional && !fk.field.optional) sink.report(Messages.relationOptionalityMismatch, fk.decl.name.span, fk.field.name);
  for (const action of [fk.onDelete, fk.onUpdate]) {
    if (action?.value === 'SetNull' && local.some((l) => !l!.optional)) {
      sink.report(Messages.setNullOnRequired, action.span, fk.field.name, action === fk.onDelete ? 'onDelete' : 'onUpdate');
    }
  }

  fk.onDeleteResolved = fk.onDelete?.value ?? (anyOptional ? 'SetNull' : 'Restrict');
  fk.onUpdateResolved = fk.onUpdate?.value ?? 'Cascade';
  fk.field.fields = fields.map((f) => f.name);
  fk.field.references = refNames;
  const columns = local.map((l) => l!.column);
  if (ctx.datasource?.relationMode === 'prisma') {
    const indexed = own.ir.indexes.some((i) => i.fields.length >= columns.length && columns.every((c, n) => i.fields[n]!.column === c));
    const pkCovers = own.ir.primaryKey?.fields.slice(0, columns.length).every((f, n) => f.column === columns[n]) ?? false;
    if (!indexed && !pkCovers) sink.report(Messages.unindexedRelationMode, fk.decl.name.span, fk.field.name, fk.field.fields.join(', '));
    return true;
  }
  const provider = ctx.provider ?? 'postgresql';
  const foreignKey: ForeignKey = {
    dbName: fk.map ?? constraintName(provider, own.ir.dbName, columns, 'fkey'),
    relation: fk.field.relation,
    fields: fk.field.fields,
    columns,
    referencedModel: target.ir.name,
    referencedTable: target.ir.dbName,
    referencedSchema: target.ir.schema,
    referencedFields: refNames,
    referencedColumns: remote.map((r) => r!.column),
    onDelete: fk.onDeleteResolved,
    onUpdate: fk.onUpdateResolved,
  };
  own.ir.foreignKeys.push(foreignKey);
  return true;
}
