import type { Change, ChangeKind, RedefineTable, ValueRename } from '../changes/change.js';
import type { Check, Column, EnumType, ForeignKey, IndexColumn, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import { DroppedConstraints } from './dropped-constraints.js';
import { nameKey, TableTracker, type TableRef } from './table-tracker.js';

export { nameKey, type TableRef } from './table-tracker.js';

/**
 * What a change does to stored data, one fact per event. Most changes are one event; SQLite's
 * table rebuild (`redefineTable`) is as many as it has dropped, added and altered columns and new
 * keys, so the rules that judge a DropColumn judge the columns a rebuild leaves behind too.
 * `change` is the change the finding will point at.
 */
export type LintEvent =
  | { kind: 'tableDropped'; change: Change; table: TableRef; dropped: SchemaTable }
  | { kind: 'columnDropped'; change: Change; table: TableRef; column: Column; rebuild: boolean }
  | { kind: 'columnAdded'; change: Change; table: TableRef; column: Column }
  | {
      kind: 'columnAltered';
      change: Change;
      table: TableRef;
      from: Column;
      to: Column;
      type: boolean;
      nullability: boolean;
      /** Enum values the change renames while it converts the column (they are not removed). */
      renamedValues: readonly ValueRename[];
    }
  | {
      kind: 'keyAdded';
      change: Change;
      table: TableRef;
      name: string;
      columns: string[];
      key: 'index' | 'unique' | 'primaryKey';
      /** Declared by a table rebuild rather than created on the live table. */
      rebuild: boolean;
      /** The migration drops a key that enforces as much: the rows satisfy this one already. */
      replaces: boolean;
    }
  | { kind: 'foreignKeyAdded'; change: Change; table: TableRef; foreignKey: ForeignKey; rebuild: boolean; replaces: boolean }
  | { kind: 'checkAdded'; change: Change; table: TableRef; check: Check; rebuild: boolean; replaces: boolean }
  | { kind: 'enumDropped'; change: Change; dropped: EnumType }
  | { kind: 'enumValuesRemoved'; change: Change; name: QualifiedName; removed: string[]; columns: { table: TableRef; column: string }[] };

export type LintEventKind = LintEvent['kind'];

/** The events of a migration's changes, in order, with what the rules need to know about the whole migration. */
export interface MigrationEvents {
  events: LintEvent[];
  /** Columns the migration adds to tables that existed before it, by table and column name. */
  addedColumn(table: QualifiedName, column: string): Column | undefined;
  /** Named enums whose values an AlterEnum changes (their columns follow, and are not judged again). */
  alteredEnums: ReadonlySet<string>;
}

export function migrationEvents(changes: readonly Change[]): MigrationEvents {
  const tables = new TableTracker();
  const dropped = new DroppedConstraints(tables);
  const added = new Map<string, Column>();
  const alteredEnums = new Set<string>();
  const events: LintEvent[] = [];
  const columnKey = (table: QualifiedName, column: string) => `${nameKey(table)}\u0000${column}`;

  const EVENTS: { [K in ChangeKind]: (c: Extract<Change, { kind: K }>) => LintEvent[] } = {
    createSchema: () => [],
    createEnum: () => [],
    dropEnum: (c) => [{ kind: 'enumDropped', change: c, dropped: c.enum }],
    renameEnum: () => [],
    alterEnum: (c) => {
      alteredEnums.add(nameKey(c.to.name));
      alteredEnums.add(nameKey(c.from.name));
      if (c.removed.length === 0) return [];
      const columns = c.columns.map((u) => ({ table: tables.ref(u.table), column: u.column.name }));
      return [{ kind: 'enumValuesRemoved', change: c, name: c.to.name, removed: [...c.removed], columns }];
    },
    createTable: (c) => {
      tables.create(c.table.name);
      return [];
    },
    dropTable: (c) => {
      const table = tables.ref(c.table.table.name);
      tables.drop(c.table.table.name);
      return [{ kind: 'tableDropped', change: c, table, dropped: c.table }];
    },
    renameTable: (c) => {
      tables.renameTable(c.from, c.to);
      return [];
    },
    redefineTable: (c) => {
      const table = tables.ref(c.from.table.name);
      if (nameKey(c.from.table.name) !== nameKey(c.to.table.name)) tables.renameTable(c.from.table.name, c.to.table.name);
      return rebuildEvents(c, { name: c.to.table.name, before: table.before });
    },
    addColumn: (c) => {
      const table = tables.ref(c.table);
      if (table.before !== null) added.set(columnKey(c.table, c.column.name), c.column);
      return [{ kind: 'columnAdded', change: c, table, column: c.column }];
    },
    dropColumn: (c) => [{ kind: 'columnDropped', change: c, table: tables.ref(c.table), column: c.column, rebuild: false }],
    renameColumn: (c) => {
      tables.renameColumn(c.table, c.from, c.to);
      return [];
    },
    alterColumn: (c) => [
      {
        kind: 'columnAltered',
        change: c,
        table: tables.ref(c.table),
        from: c.from,
        to: c.to,
        type: c.kinds.includes('type'),
        nullability: c.kinds.includes('nullability'),
        renamedValues: c.renamedValues ?? [],
      },
    ],
    addPrimaryKey: (c) => {
      const columns = columnNames(c.primaryKey.columns);
      const replaces = dropped.coversKey(c.table, columns);
      return [{ kind: 'keyAdded', change: c, table: tables.ref(c.table), name: c.primaryKey.name, columns, key: 'primaryKey', rebuild: false, replaces }];
    },
    dropPrimaryKey: (c) => {
      dropped.dropKey(c.table, columnNames(c.primaryKey.columns));
      return [];
    },
    addCheck: (c) => [{ kind: 'checkAdded', change: c, table: tables.ref(c.table), check: c.check, rebuild: false, replaces: dropped.hasCheck(c.table, c.check) }],
    dropCheck: (c) => {
      dropped.dropCheck(c.table, c.check);
      return [];
    },
    renameConstraint: () => [],
    createIndex: (c) => {
      const columns = columnNames(c.index.columns);
      const replaces = c.index.kind === 'unique' && dropped.coversKey(c.table, columns);
      const key = c.index.kind === 'unique' ? 'unique' : 'index';
      return [{ kind: 'keyAdded', change: c, table: tables.ref(c.table), name: c.index.name, columns, key, rebuild: false, replaces }];
    },
    dropIndex: (c) => {
      // A partial unique index says nothing about the rows outside its predicate.
      if (c.index.kind === 'unique' && c.index.where === null) dropped.dropKey(c.table, columnNames(c.index.columns));
      return [];
    },
    renameIndex: () => [],
    addForeignKey: (c) => [
      { kind: 'foreignKeyAdded', change: c, table: tables.ref(c.table), foreignKey: c.foreignKey, rebuild: false, replaces: dropped.hasForeignKey(c.table, c.foreignKey) },
    ],
    dropForeignKey: (c) => {
      dropped.dropForeignKey(c.table, c.foreignKey);
      return [];
    },
    createView: () => [],
    dropView: () => [],
    replaceView: () => [],
  };

  for (const change of changes) events.push(...(EVENTS[change.kind] as (c: Change) => LintEvent[])(change));
  return {
    events,
    addedColumn: (table, column) => added.get(columnKey(table, column)),
    alteredEnums,
  };

  /** The columns a rebuild drops, adds and converts, and the keys, foreign keys and checks it adds. */
  function rebuildEvents(c: RedefineTable, table: TableRef): LintEvent[] {
    const out: LintEvent[] = [];
    const source = new Map<string, string>();
    const renamedValues = new Map<string, readonly ValueRename[]>();
    for (const { column, from, renamedValues: renamed } of c.copy) {
      if (from !== null) source.set(column, from);
      renamedValues.set(column, renamed ?? []);
    }
    const copied = new Set(source.values());
    const toBefore = (name: string) => source.get(name) ?? null;

    for (const column of c.from.table.columns) {
      if (!copied.has(column.name)) out.push({ kind: 'columnDropped', change: c, table, column, rebuild: true });
    }
    for (const column of c.to.table.columns) {
      const previous = c.from.table.columns.find((p) => p.name === toBefore(column.name));
      if (previous === undefined) {
        if (table.before !== null) added.set(columnKey(table.name, column.name), column);
        out.push({ kind: 'columnAdded', change: c, table, column });
        continue;
      }
      const type = JSON.stringify(previous.type) !== JSON.stringify(column.type);
      const nullability = previous.nullable !== column.nullable;
      if (type || nullability) {
        out.push({ kind: 'columnAltered', change: c, table, from: previous, to: column, type, nullability, renamedValues: renamedValues.get(column.name) ?? [] });
      }
    }

    // A key of the new table is new unless the old table had one on the same columns, or a
    // unique key on some of them (which already rules out duplicates). A partial unique index
    // says nothing about the rows outside its predicate.
    const beforeKeys = [
      ...(c.from.table.primaryKey === null ? [] : [columnNames(c.from.table.primaryKey.columns)]),
      ...c.from.indexes.filter((i) => i.kind === 'unique' && i.where === null).map((i) => columnNames(i.columns)),
    ];
    const covered = (columns: string[]) => {
      const mapped = columns.map(toBefore);
      return beforeKeys.some((key) => key.every((k) => mapped.includes(k)));
    };
    const pk = c.to.table.primaryKey;
    if (pk !== null && !covered(columnNames(pk.columns))) {
      out.push({ kind: 'keyAdded', change: c, table, name: pk.name, columns: columnNames(pk.columns), key: 'primaryKey', rebuild: true, replaces: false });
    }
    for (const index of c.to.indexes) {
      if (index.kind !== 'unique' || covered(columnNames(index.columns))) continue;
      out.push({ kind: 'keyAdded', change: c, table, name: index.name, columns: columnNames(index.columns), key: 'unique', rebuild: true, replaces: false });
    }
    for (const fk of c.to.foreignKeys) {
      const mapped = fk.columns.map(toBefore);
      const existed = c.from.foreignKeys.some(
        (old) =>
          old.columns.length === mapped.length &&
          old.columns.every((col, i) => col === mapped[i]) &&
          nameKey(old.referencedTable) === nameKey(fk.referencedTable) &&
          old.referencedColumns.join('\u0000') === fk.referencedColumns.join('\u0000'),
      );
      if (!existed) out.push({ kind: 'foreignKeyAdded', change: c, table, foreignKey: fk, rebuild: true, replaces: false });
    }
    const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();
    for (const check of c.to.table.checks) {
      if (!c.from.table.checks.some((old) => squash(old.expression) === squash(check.expression))) {
        out.push({ kind: 'checkAdded', change: c, table, check, rebuild: true, replaces: false });
      }
    }
    return out;
  }
}

function columnNames(columns: readonly IndexColumn[]): string[] {
  return columns.map((c) => c.name);
}
