import type { Check, ForeignKey, QualifiedName } from '../changes/database-objects.js';
import { canonicalExpression } from '../render/sql-text.js';
import { nameKey, type TableTracker } from './table-tracker.js';

/**
 * The unique keys, foreign keys and checks a migration drops from existing tables, by what they
 * enforce on the names before the migration. A database that cannot rename a constraint or an
 * index, or change a foreign key's actions, drops it and adds it again: the rows already satisfy
 * what is added back, so it cannot fail on them (though PostgreSQL still checks every row).
 */
export class DroppedConstraints {
  private readonly keys: { table: string; columns: string[] }[] = [];
  private readonly foreignKeys = new Set<string>();
  private readonly checks = new Set<string>();

  constructor(private readonly tables: TableTracker) {}

  dropKey(table: QualifiedName, columns: readonly string[]): void {
    const key = this.tableKey(table);
    if (key !== null) this.keys.push({ table: key, columns: columns.map((c) => this.tables.columnBefore(table, c)) });
  }

  dropForeignKey(table: QualifiedName, fk: ForeignKey): void {
    const signature = this.foreignKeySignature(table, fk);
    if (signature !== null) this.foreignKeys.add(signature);
  }

  dropCheck(table: QualifiedName, check: Check): void {
    const key = this.tableKey(table);
    if (key !== null) this.checks.add(`${key}\u0001${squash(check.expression)}`);
  }

  /** A dropped unique key or primary key on some of these columns rules out duplicates already. */
  coversKey(table: QualifiedName, columns: readonly string[]): boolean {
    const key = this.tableKey(table);
    const before = columns.map((c) => this.tables.columnBefore(table, c));
    return key !== null && this.keys.some((k) => k.table === key && k.columns.every((c) => before.includes(c)));
  }

  hasForeignKey(table: QualifiedName, fk: ForeignKey): boolean {
    const signature = this.foreignKeySignature(table, fk);
    return signature !== null && this.foreignKeys.has(signature);
  }

  hasCheck(table: QualifiedName, check: Check): boolean {
    const key = this.tableKey(table);
    return key !== null && this.checks.has(`${key}\u0001${squash(check.expression)}`);
  }

  private tableKey(table: QualifiedName): string | null {
    const before = this.tables.ref(table).before;
    return before === null ? null : nameKey(before);
  }

  private foreignKeySignature(table: QualifiedName, fk: ForeignKey): string | null {
    const key = this.tableKey(table);
    const referenced = this.tableKey(fk.referencedTable);
    if (key === null || referenced === null) return null;
    const columns = fk.columns.map((c) => this.tables.columnBefore(table, c));
    const referencedColumns = fk.referencedColumns.map((c) => this.tables.columnBefore(fk.referencedTable, c));
    return [key, columns.join('\u0000'), referenced, referencedColumns.join('\u0000')].join('\u0001');
  }
}

/** Check text as the planner compares it: a database's printed form equals the schema's. */
const squash = (sql: string) => canonicalExpression(sql);
