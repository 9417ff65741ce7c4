import type { ScalarType } from '@kiln/schema';
import { SqliteDialect } from '@kiln/sql';
import type { AddCheck, AddForeignKey, AddPrimaryKey, Change, DropCheck, DropForeignKey, DropPrimaryKey, RedefineTable } from '../../changes/change.js';
import type { Column, PrimaryKey, Table } from '../../changes/database-objects.js';
import type { DdlCapabilities } from '../../render/ddl-capabilities.js';
import { DdlRenderer } from '../../render/ddl-renderer.js';
import { renderSqliteRebuild } from './sqlite-rebuild.js';

/**
 * The column type Prisma Migrate writes for each scalar on SQLite. SQLite only keeps a type
 * affinity (https://www.sqlite.org/datatype3.html#determination_of_column_affinity), but the
 * declared name is what introspection reads back, so it must match Prisma's: DATETIME and
 * DECIMAL get NUMERIC affinity, BOOLEAN too (stored as 0/1), JSONB is Prisma's marker for Json
 * (stored as text; note its NUMERIC affinity turns the text `1` into the integer 1).
 */
const DEFAULT_TYPES: Record<ScalarType, string> = {
  String: 'TEXT',
  Boolean: 'BOOLEAN',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'REAL',
  Decimal: 'DECIMAL',
  DateTime: 'DATETIME',
  Json: 'JSONB',
  Bytes: 'BLOB',
};

export class SqliteDdlRenderer extends DdlRenderer {
  readonly provider = 'sqlite';

  /**
   * `now()` writes the same ISO-8601 text the client writes, so rows inserted by plain SQL
   * compare and sort with the client's (CURRENT_TIMESTAMP would write "YYYY-MM-DD HH:MM:SS",
   * which sorts before any ISO text of the same day).
   */
  protected override nowDefault(column: Column): string {
    void column;
    return "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
  }
  readonly capabilities: DdlCapabilities = {
    namespaces: false,
    namedEnums: false,
    foreignKeysInCreateTable: true,
    indexesInCreateTable: false,
    limitedAlterTable: true,
    renameIndex: false,
    renameConstraint: false,
    namedPrimaryKeys: false,
    namedForeignKeys: false,
    foreignKeysNeedIndex: false,
    autoincrementNeedsKey: false,
  };
  protected readonly sqlDialect = new SqliteDialect();

  protected get databaseName(): string {
    return 'SQLite';
  }

  /** Prisma's SQLite tables have no blank line before the constraints. */
  protected override get constraintSeparator(): string {
    return '';
  }

  protected override get referencesSeparator(): string {
    return ' ';
  }

  protected columnType(column: Column): string {
    const t = column.type;
    if (t.list) throw this.unsupported(`scalar lists (column ${JSON.stringify(column.name)})`);
    switch (t.kind) {
      case 'enum':
        return 'TEXT';
      case 'unsupported':
        return t.sql;
      case 'scalar':
        if (t.nativeType !== null) throw this.unsupported(`native types (@db.${t.nativeType.name})`);
        // Only a column declared exactly INTEGER PRIMARY KEY is the rowid and can
        // AUTOINCREMENT (https://www.sqlite.org/autoinc.html); it is 64-bit, so it serves BigInt
        // ids too, where Prisma writes BIGINT and loses the autoincrement.
        return column.autoincrement ? 'INTEGER' : DEFAULT_TYPES[t.scalar];
    }
  }

  /** A one-column primary key is declared on the column, as Prisma does; AUTOINCREMENT needs it there. */
  protected override inlinePrimaryKey(column: Column, table: Table): string {
    const pk = table.primaryKey;
    if (pk === null || pk.columns.length !== 1 || pk.columns[0]!.name !== column.name) return '';
    return column.autoincrement ? ' PRIMARY KEY AUTOINCREMENT' : ' PRIMARY KEY';
  }

  /**
   * A compound key is a table constraint. SQLite keeps no constraint names in its catalog, so
   * it is written unnamed, as Prisma does.
   */
  protected override primaryKeyConstraint(pk: PrimaryKey): string | null {
    if (pk.columns.length === 1) return null;
    return `PRIMARY KEY (${this.primaryKeyColumns(pk)})`;
  }

  /** SQLite has no enum type: a TEXT column whose CHECK allows the enum's values (a Kiln choice). */
  protected override columnSuffix(column: Column): string {
    const t = column.type;
    if (t.kind !== 'enum') return '';
    return ` CHECK (${this.quote(column.name)} IN (${t.values.map((v) => this.stringLiteral(v)).join(', ')}))`;
  }

  // ---------------------------------------------------------------- what ALTER TABLE cannot do

  /** SQLite's ALTER TABLE has no constraint clauses (https://www.sqlite.org/lang_altertable.html): the planner rebuilds the table. */
  protected override addForeignKey(change: AddForeignKey): string[] {
    throw this.unsupported(`adding a foreign key to an existing table (${JSON.stringify(change.foreignKey.name)}); the table is rebuilt instead`);
  }

  protected override dropForeignKey(change: DropForeignKey): string[] {
    throw this.unsupported(`dropping a foreign key (${JSON.stringify(change.foreignKey.name)}); the table is rebuilt instead`);
  }

  protected override addPrimaryKey(change: AddPrimaryKey): string[] {
    throw this.unsupported(`adding a primary key to an existing table (${JSON.stringify(change.table.name)}); the table is rebuilt instead`);
  }

  protected override dropPrimaryKey(change: DropPrimaryKey): string[] {
    throw this.unsupported(`dropping a primary key (${JSON.stringify(change.table.name)}); the table is rebuilt instead`);
  }

  protected override addCheck(change: AddCheck): string[] {
    throw this.unsupported(`adding a check to an existing table (${JSON.stringify(change.check.name)}); the table is rebuilt instead`);
  }

  protected override dropCheck(change: DropCheck): string[] {
    throw this.unsupported(`dropping a check (${JSON.stringify(change.check.name)}); the table is rebuilt instead`);
  }

  /** The documented rebuild (https://www.sqlite.org/lang_altertable.html#otheralter); see sqlite-rebuild.ts. */
  protected override redefineTable(change: RedefineTable): string[] {
    return renderSqliteRebuild(change, {
      quote: (n) => this.quote(n),
      literal: (v) => this.stringLiteral(v),
      createTable: (name, c) => this.createTableStatement(name, c),
      createIndex: (table, index) => this.createIndexStatement(table, index),
      columnDefault: (column) => this.columnDefault(column),
    });
  }

  /** A rebuild drops the old table, whose implicit DELETE would fire ON DELETE actions with enforcement on. */
  override needsForeignKeysOff(change: Change): boolean {
    return change.kind === 'redefineTable';
  }
}
