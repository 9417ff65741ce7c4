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
  /** Enum, enum value, table, column, index and constraint renames, in that order. */
  renames: Change[];
  createEnums: CreateEnum[];
  /** PostgreSQL ADD VALUE (outside the transaction). */
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
 * what depends on something that changes goes first (foreign keys, views, indexes), then the
 * renames (so everything after uses the new names), new types and values, new tables, changes
 * inside tables, drops, then what depends on the new shape (indexes, foreign keys, views), and
 * the enum types nothing uses any more.
 */
export function assemblePlan(p: PlanParts): Change[] {
  return [
    ...p.createSchemas,
    ...p.dropForeignKeys,
    ...p.dropViews,
    ...p.dropIndexes,
    ...p.dropChecks,
    ...p.renames,
    ...p.createEnums,
    ...p.addEnumValues,
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
