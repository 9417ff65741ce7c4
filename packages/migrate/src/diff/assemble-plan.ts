import type {
  AddForeignKey,
  AlterEnum,
  Change,
  CreateEnum,
  CreateIndex,
  CreateSchema,
  CreateTable,
  CreateView,
  DropCheck,
  DropColumn,
  DropEnum,
  DropForeignKey,
  DropIndex,
  DropTable,
  DropView,
  ReplaceView,
} from '../changes/change.js';

/** The changes of a plan, by the phase they run in. */
export interface PlanParts {
  createSchemas: CreateSchema[];
  dropForeignKeys: DropForeignKey[];
  dropViews: DropView[];
  dropIndexes: DropIndex[];
  dropChecks: DropCheck[];
  /** Tables whose names renamed tables take (a down migration renaming back while a newer table of that name goes). */
  dropsBeforeRenames: Change[];
  /** Enum, enum value, table, column, index and constraint renames, in that order. */
  renames: Change[];
  createEnums: CreateEnum[];
  /** PostgreSQL ADD VALUE (outside the transaction), first of all: against the types as they are before the migration. */
  addEnumValues: AlterEnum[];
  /** What must go before an enum type is recreated: columns and tables of that type that go away or change type. */
  earlyDrops: Change[];
  recreateEnums: AlterEnum[];
  createTables: CreateTable[];
  /** Per table: column, key and check changes, or a SQLite rebuild. */
  alterTables: Change[];
  dropColumns: DropColumn[];
  dropTables: DropTable[];
  createIndexes: CreateIndex[];
  addForeignKeys: AddForeignKey[];
  createViews: (CreateView | ReplaceView)[];
  dropEnums: DropEnum[];
}

/**
 * The phases in an order every database accepts (docs/migrate.md, "Order of the changes"):
 * PostgreSQL's new enum values (outside the transaction, so first), then what depends on
 * something that changes (foreign keys, views, indexes), then the renames (so everything after
 * uses the new names), new types, new tables, changes inside tables, drops, then what depends
 * on the new shape (indexes, foreign keys, views), and the enum types nothing uses any more.
 */
export function assemblePlan(p: PlanParts): Change[] {
  return [
    // Outside the transaction and needing nothing else, so everything after is one transaction.
    ...p.addEnumValues,
    ...p.createSchemas,
    ...p.dropForeignKeys,
    ...p.dropViews,
    ...p.dropIndexes,
    ...p.dropChecks,
    ...p.dropsBeforeRenames,
    ...p.renames,
    ...p.createEnums,
    ...p.earlyDrops,
    ...p.recreateEnums,
    ...p.createTables,
    ...p.alterTables,
    ...p.dropColumns,
    ...p.dropTables,
    ...p.createIndexes,
    ...p.addForeignKeys,
    ...p.createViews,
    ...p.dropEnums,
  ];
}
