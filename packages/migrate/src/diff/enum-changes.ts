import { addsValuesOnly, type AlterEnum, type CreateEnum, type DropEnum, type RenameEnum, type ValueRename } from '../changes/change.js';
import type { EnumType } from '../changes/database-objects.js';
import { nameKey, type EnumPair, type SchemaMatching } from './match-schemas.js';
import { takeTempName } from './order-renames.js';
import { enumRenameChanges, orderValueRenames } from './rename-changes.js';

/** The changes of named enum types (PostgreSQL), by the phase they run in (assemble-plan.ts). */
export interface EnumChanges {
  /** `ALTER TYPE ... ADD VALUE`, before anything else (outside the transaction). */
  addValues: AlterEnum[];
  /** Type renames, then value renames (`RENAME VALUE`), in the renames phase. */
  renames: (RenameEnum | AlterEnum)[];
  createEnums: CreateEnum[];
  /** Types that lose values, recreated; the planner fills in their `columns`. */
  recreateEnums: AlterEnum[];
  dropEnums: DropEnum[];
  /** The keys (`nameKey`, "to" side) of the recreated types. */
  recreated: Set<string>;
}

/**
 * The enum type changes of a migration where enums are types of their own.
 *
 * Values added without any removed are `ALTER TYPE ... ADD VALUE`, which runs outside the
 * migration's transaction (a new value cannot be used in the transaction that adds it). It
 * depends on nothing else the migration does (its type exists before it), so it runs first,
 * against the type as it is then: its old name, the old names of its values as neighbours. So
 * everything else stays in one transaction after it, and a failure there rolls back all but the
 * new values, which nothing uses yet. A new value that takes the name of a value renamed away
 * in the same migration is added under a temporary name and renamed with the others.
 */
export function enumChanges(m: SchemaMatching): EnumChanges {
  const out: EnumChanges = {
    addValues: [],
    renames: enumRenameChanges(m.enums, m.asideEnums),
    createEnums: m.createdEnums.map((e) => ({ kind: 'createEnum', enum: e })),
    recreateEnums: [],
    // A type moved aside (a renamed one takes its name) is dropped under its temporary name.
    dropEnums: m.droppedEnums.map((e) => ({ kind: 'dropEnum', enum: { ...e, name: m.asideEnums.find((a) => a.from === e)?.to ?? e.name } })),
    recreated: new Set(),
  };
  const valueRenames: AlterEnum[] = [];
  for (const p of m.enums) {
    let current: EnumType = { ...p.from, name: p.to.name };
    let renamed = p.renamedValues;
    if (addsValuesOnly(p)) {
      const add = addValuesFirst(p);
      out.addValues.push(add.change);
      current = { ...add.change.to, name: p.to.name };
      renamed = [...renamed, ...add.renames];
    }
    let removed = p.removed;
    if (removed.length > 0) {
      // A removed value whose name a renamed one takes moves aside first (it goes with the type).
      const aside = removedAside(p);
      if (aside.length > 0) {
        renamed = [...aside, ...renamed];
        removed = removed.map((v) => aside.find((a) => a.from === v)?.to ?? v);
      }
    }
    if (renamed.length > 0) {
      const taken = [...p.from.values, ...current.values, ...p.to.values, ...renamed.map((r) => r.to)];
      valueRenames.push({ kind: 'alterEnum', from: current, to: p.to, added: [], removed: [], renamed: orderValueRenames(renamed, taken), columns: [] });
    }
    if (removed.length > 0) {
      out.recreated.add(nameKey(p.to.name));
      const before = { ...p.from, name: p.to.name, values: p.from.values.map((v) => renamed.find((r) => r.from === v)?.to ?? v) };
      out.recreateEnums.push({ kind: 'alterEnum', from: before, to: p.to, added: p.added, removed, renamed: [], columns: [] });
    }
  }
  out.renames.push(...valueRenames);
  return out;
}

/** Renames to a temporary name of the removed values whose names renamed values take. */
function removedAside(p: EnumPair): ValueRename[] {
  const targets = new Set(p.renamedValues.map((r) => r.to));
  const used = new Set([...p.from.values, ...p.to.values]);
  return p.removed
    .filter((v) => targets.has(v))
    .map((v) => {
      return { from: v, to: takeTempName(v, used) };
    });
}

/**
 * The ADD VALUE change of an enum that only gains values, against the type as it is before the
 * migration, and the renames that then give the added values their names (those that had to
 * be added under a temporary name).
 */
function addValuesFirst(p: EnumPair): { change: AlterEnum; renames: ValueRename[] } {
  const oldName = new Map(p.renamedValues.map((r) => [r.to, r.from]));
  const existing = new Set(p.from.values);
  const used = new Set([...p.from.values, ...p.to.values]);
  const added = new Set(p.added);
  const renames: ValueRename[] = [];
  const addedAs: string[] = [];
  // In the order of the new type: an added value where it goes, the others under their old names.
  const values = p.to.values.map((v) => {
    if (!added.has(v)) return oldName.get(v) ?? v;
    if (!existing.has(v)) {
      addedAs.push(v);
      return v;
    }
    const temp = takeTempName(v, used);
    renames.push({ from: temp, to: v });
    addedAs.push(temp);
    return temp;
  });
  // The type as it is once the values are added (members describe the schema's enum; this is no schema's).
  const { members: _members, ...before } = p.from;
  void _members;
  const after: EnumType = { ...before, values };
  return { change: { kind: 'alterEnum', from: p.from, to: after, added: addedAs, removed: [], renamed: [], columns: [] }, renames };
}
