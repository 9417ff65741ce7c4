import { constraintName, defaultRelationName, type Provider, type ReferentialAction } from '@kiln/schema';
import type { ForeignKey, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import type { JoinTableShape } from '../inspect/join-table-shape.js';
import { qualifiedNameKey } from '../changes/qualified-name-key.js';
import type { PulledBlock } from './pulled-blocks.js';
import { fieldName, lowerFirst, NameRegistry, plural, upperFirst } from './schema-identifiers.js';
import { schemaString } from './schema-literals.js';

const key = qualifiedNameKey;

interface ForeignKeyRelation {
  kind: 'foreignKey';
  from: PulledBlock;
  to: PulledBlock;
  fk: ForeignKey;
  /** The key columns are unique in `from`: one-to-one. */
  oneToOne: boolean;
  optional: boolean;
  fields: string[];
  references: string[];
  forward: string;
}

interface JoinRelation {
  kind: 'join';
  name: string;
  a: PulledBlock;
  b: PulledBlock;
}

type Relation = ForeignKeyRelation | JoinRelation;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The column sets that identify a row of the table: its primary key and its unique indexes without a predicate. */
function uniqueSets(t: SchemaTable): string[][] {
  return [
    ...(t.table.primaryKey === null ? [] : [t.table.primaryKey.columns.map((c) => c.name)]),
    ...t.indexes.filter((i) => i.kind === 'unique' && i.where === null).map((i) => i.columns.map((c) => c.name)),
  ];
}

/** The field's type for comparing two ends of a key (the analyzer requires them equal). */
function fieldBase(block: PulledBlock, column: string): string | null {
  const field = block.fields.find((f) => f.name === block.fieldOf.get(column));
  return field === undefined ? null : field.type.replace(/[?[\]]+$/, '');
}

/**
 * Adds the relation fields that the foreign keys and join tables imply, on both sides:
 * `author User @relation(fields: [authorId], references: [id])` and `posts Post[]`. Two
 * relations between the same models get names (the analyzer needs them to pair the fields).
 * A foreign key the schema language cannot express (to a table that is not pulled, to columns
 * that are not unique, between columns of different types) is reported through `warn`.
 */
export function pullRelations(
  models: ReadonlyMap<string, PulledBlock>,
  joins: readonly { shape: JoinTableShape }[],
  provider: Provider,
  warn: (message: string) => void,
): void {
  const relations: Relation[] = [];
  for (const from of models.values()) {
    if (from.source.kind !== 'table') continue;
    const t = from.source.table;
    for (const fk of t.foreignKeys) {
      const to = models.get(key(fk.referencedTable));
      const where = `${from.name}: the foreign key ${JSON.stringify(fk.name)}`;
      if (to === undefined || to.source.kind !== 'table') {
        warn(`${where} references ${JSON.stringify(fk.referencedTable.name)}, which is not pulled; the relation is left out`);
        continue;
      }
      if (!uniqueSets(to.source.table).some((s) => sameSet(s, fk.referencedColumns))) {
        warn(`${where} references columns of ${to.name} that are not its primary key or a unique index; the relation is left out`);
        continue;
      }
      const types = fk.columns.map((c) => fieldBase(from, c));
      const refTypes = fk.referencedColumns.map((c) => fieldBase(to, c));
      if (types.some((x, i) => x === null || x !== refTypes[i])) {
        warn(`${where} joins columns of different types (${types.join(', ')} to ${refTypes.join(', ')}); the relation is left out`);
        continue;
      }
      const optional = fk.columns.some((c) => t.table.columns.find((x) => x.name === c)?.nullable !== false);
      const forwardBase =
        fk.columns.length === 1 && /^.+?(_?id|Id|ID)$/.test(fk.columns[0]!) ? fieldName(fk.columns[0]!.replace(/_?(id|Id|ID)$/, ''), 'relation') : lowerFirst(to.name);
      relations.push({
        kind: 'foreignKey',
        from,
        to,
        fk,
        oneToOne: uniqueSets(t).some((s) => sameSet(s, fk.columns)),
        optional,
        fields: fk.columns.map((c) => from.fieldOf.get(c)!),
        references: fk.referencedColumns.map((c) => to.fieldOf.get(c)!),
        forward: from.fieldNames.claim(forwardBase),
      });
    }
  }
  for (const { shape } of joins) relations.push({ kind: 'join', name: shape.relation, a: models.get(key(shape.a))!, b: models.get(key(shape.b))! });

  // Relations between the same two models need names to tell them apart.
  const pairKey = (x: PulledBlock, y: PulledBlock) => [x.name, y.name].sort().join('\0');
  const groups = new Map<string, Relation[]>();
  for (const r of relations) {
    const k = r.kind === 'join' ? pairKey(r.a, r.b) : pairKey(r.from, r.to);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const group of groups.values()) {
    const crowded = group.length > 1;
    const names = new NameRegistry(group.flatMap((r) => (r.kind === 'join' ? [r.name] : [])));
    for (const r of group) {
      if (r.kind === 'join') writeJoin(r, crowded);
      else writeForeignKey(r, crowded ? names.claim(`${r.from.name}${upperFirst(r.forward)}`) : null, crowded || r.from === r.to, provider);
    }
  }
}

function writeForeignKey(r: ForeignKeyRelation, name: string | null, qualifyBack: boolean, provider: Provider): void {
  const { from, to, fk } = r;
  const args: string[] = [];
  if (name !== null) args.push(schemaString(name));
  args.push(`fields: [${r.fields.join(', ')}]`, `references: [${r.references.join(', ')}]`);
  // The analyzer's defaults (relations.ts): SetNull for an optional relation, else Restrict; Cascade on update.
  const defaultDelete: ReferentialAction = r.optional ? 'SetNull' : 'Restrict';
  if (fk.onDelete !== defaultDelete) args.push(`onDelete: ${fk.onDelete}`);
  if (fk.onUpdate !== 'Cascade') args.push(`onUpdate: ${fk.onUpdate}`);
  if (fk.name !== constraintName(provider, from.source.kind === 'table' ? from.source.table.table.name.name : from.name, fk.columns, 'fkey')) {
    args.push(`map: ${schemaString(fk.name)}`);
  }
  const ignore = to.ignored && !from.ignored ? ['@ignore'] : [];
  from.fields.push({ name: r.forward, type: `${to.name}${r.optional ? '?' : ''}`, attributes: [`@relation(${args.join(', ')})`, ...ignore], doc: [] });

  const backBase = r.oneToOne ? lowerFirst(from.name) : lowerFirst(plural(from.name));
  const back = to.fieldNames.claim(qualifyBack ? `${r.forward}${upperFirst(backBase)}` : backBase);
  const backIgnore = from.ignored && !to.ignored ? ['@ignore'] : [];
  to.fields.push({
    name: back,
    // The side without the key is optional in a one-to-one (the analyzer requires it).
    type: `${from.name}${r.oneToOne ? '?' : '[]'}`,
    attributes: [...(name === null ? [] : [`@relation(${schemaString(name)})`]), ...backIgnore],
    doc: [],
  });
}

function writeJoin(r: JoinRelation, crowded: boolean): void {
  const { a, b } = r;
  const named = crowded || r.name !== defaultRelationName(a.name, b.name);
  const attributes = named ? [`@relation(${schemaString(r.name)})`] : [];
  const suffix = crowded ? upperFirst(r.name) : '';
  if (a === b) {
    // Column A belongs to the field first in alphabetical order (relations.ts: orderForJoinTable).
    const base = lowerFirst(plural(a.name));
    for (const letter of ['A', 'B']) a.fields.push({ name: a.fieldNames.claim(`${base}${suffix}${letter}`), type: `${a.name}[]`, attributes, doc: [] });
    return;
  }
  a.fields.push({ name: a.fieldNames.claim(`${lowerFirst(plural(b.name))}${suffix}`), type: `${b.name}[]`, attributes, doc: [] });
  b.fields.push({ name: b.fieldNames.claim(`${lowerFirst(plural(a.name))}${suffix}`), type: `${a.name}[]`, attributes, doc: [] });
}
