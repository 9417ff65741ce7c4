/**
 * What a database can express in DDL, as far as the planner must know when it chooses changes.
 * The renderer of each dialect states them; the planner reads them instead of asking which
 * database it is planning for.
 */
export interface DdlCapabilities {
  /** Schemas (namespaces) that migrations create: PostgreSQL. */
  readonly namespaces: boolean;
  /** Enums are named types created before the tables (PostgreSQL `CREATE TYPE ... AS ENUM`). */
  readonly namedEnums: boolean;
  /**
   * Foreign keys can only be declared inside CREATE TABLE (SQLite has no ALTER TABLE ADD
   * CONSTRAINT: https://www.sqlite.org/lang_altertable.html).
   */
  readonly foreignKeysInCreateTable: boolean;
  /**
   * Indexes are declared inside CREATE TABLE. MySQL requires an AUTO_INCREMENT column to be
   * keyed when the table is created (https://dev.mysql.com/doc/refman/8.0/en/create-table.html),
   * and Prisma Migrate writes MySQL tables this way.
   */
  readonly indexesInCreateTable: boolean;
}
