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
  /**
   * ALTER TABLE can only rename the table, rename, add and drop columns, and those with
   * restrictions (SQLite: https://www.sqlite.org/lang_altertable.html). Everything else on an
   * existing table (column changes, keys, checks, foreign keys) is a RedefineTable.
   */
  readonly limitedAlterTable: boolean;
  /** An index can be renamed in place (PostgreSQL ALTER INDEX, MySQL ALTER TABLE ... RENAME INDEX); else it is dropped and created. */
  readonly renameIndex: boolean;
  /** A constraint can be renamed in place (PostgreSQL ALTER TABLE ... RENAME CONSTRAINT); else it is dropped and added. */
  readonly renameConstraint: boolean;
  /** The catalog keeps the primary key's name (PostgreSQL; MySQL calls every one PRIMARY, SQLite keeps none). */
  readonly namedPrimaryKeys: boolean;
  /**
   * Foreign key names count (PostgreSQL, MySQL). SQLite keeps them only in the CREATE TABLE
   * text, and its errors never name a foreign key, so there a foreign key is matched by its
   * definition alone and a new name is no reason to rebuild the table. (Check names count
   * everywhere: a SQLite CHECK violation names its constraint.)
   */
  readonly namedForeignKeys: boolean;
  /**
   * An AUTO_INCREMENT column must be a key (MySQL: "there can be only one auto column and it
   * must be defined as a key"), so it loses AUTO_INCREMENT before its primary key is dropped.
   */
  readonly autoincrementNeedsKey: boolean;
  /**
   * A foreign key needs an index whose first columns are its columns, and that index cannot be
   * dropped while the foreign key exists (MySQL, https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html).
   */
  readonly foreignKeysNeedIndex: boolean;
}
