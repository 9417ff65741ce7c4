import type { QualifiedName } from '../changes/database-objects.js';
import { qualifiedNameKey as nameKey } from '../changes/qualified-name-key.js';

/**
 * A table as a change sees it: its name now, and its name before the migration, or `null` when
 * the migration creates it (then it has no rows, and `rowCount` is never asked about it).
 */
export interface TableRef {
  name: QualifiedName;
  before: QualifiedName | null;
}

export { nameKey };

/**
 * Follows table and column names through a migration, change by change: a table created in it
 * has no name before it, a renamed one keeps the name it had, so `rowCount` asks the database
 * about the right table and a constraint dropped under old names is recognised when it is added
 * again under new ones.
 */
export class TableTracker {
  private readonly tables = new Map<string, TableRef>();
  /** Per table (by its name before the migration): column name now → name before. */
  private readonly columns = new Map<string, Map<string, string>>();

  ref(name: QualifiedName): TableRef {
    return this.tables.get(nameKey(name)) ?? { name, before: name };
  }

  create(name: QualifiedName): void {
    this.tables.set(nameKey(name), { name, before: null });
  }

  drop(name: QualifiedName): void {
    // Only a CreateTable can bring the name back, and it makes a new table.
    this.tables.delete(nameKey(name));
  }

  renameTable(from: QualifiedName, to: QualifiedName): void {
    const ref = this.ref(from);
    this.tables.delete(nameKey(from));
    this.tables.set(nameKey(to), { name: to, before: ref.before });
  }

  renameColumn(table: QualifiedName, from: string, to: string): void {
    const before = this.ref(table).before;
    if (before === null) return;
    const names = this.columns.get(nameKey(before)) ?? new Map<string, string>();
    names.set(to, names.get(from) ?? from);
    names.delete(from);
    this.columns.set(nameKey(before), names);
  }

  /** The column's name before the migration (its name now when it was not renamed). */
  columnBefore(table: QualifiedName, column: string): string {
    const before = this.ref(table).before;
    return (before === null ? undefined : this.columns.get(nameKey(before))?.get(column)) ?? column;
  }
}
