// @kiln/migrate: typed changes from the IR, rendered per dialect, applied over a small executor.

// Changes
export { CHANGE_KINDS, describeChange } from './changes/change.js';
export type { AddForeignKey, Change, ChangeKind, CreateEnum, CreateIndex, CreateSchema, CreateTable, CreateView } from './changes/change.js';
export type {
  Check,
  Column,
  ColumnDefault,
  ColumnType,
  DatabaseSchema,
  EnumType,
  ForeignKey,
  Index,
  IndexColumn,
  IndexKind,
  Origin,
  PrimaryKey,
  QualifiedName,
  SchemaTable,
  Table,
  View,
} from './changes/database-objects.js';
export { databaseSchemaFromIr } from './changes/database-schema-from-ir.js';
export { changesFromEmpty, planFromEmpty, type PlanOptions } from './changes/plan-from-empty.js';

// Rendering
export type { DdlCapabilities } from './render/ddl-capabilities.js';
export { DdlRenderError } from './render/ddl-render-error.js';
export { DdlRenderer } from './render/ddl-renderer.js';
export { renderChanges, renderScript, type RenderedChange } from './render/render-changes.js';
export { ddlRendererFor } from './dialects/ddl-renderer-for.js';
export { MysqlDdlRenderer } from './dialects/mysql/mysql-ddl-renderer.js';
export { PostgresqlDdlRenderer } from './dialects/postgresql/postgresql-ddl-renderer.js';
export { SqliteDdlRenderer } from './dialects/sqlite/sqlite-ddl-renderer.js';

// Applying
export { ApplyError } from './apply/apply-error.js';
export { applyPlan } from './apply/apply-plan.js';
export { DatabaseConnectionError, DriverNotInstalledError, errorMessage } from './apply/connection-errors.js';
export { DatabaseUrlError, describeServer, parseDatabaseUrl, redactUrl, type ConnectionTarget, type ParseUrlOptions } from './apply/database-url.js';
export { isTransactional, type DatabaseConnection, type Executor, type TransactionalExecutor } from './apply/executor.js';
export { mysqlExecutor, openMysqlExecutor, type MysqlConnectionLike, type MysqlOpenOptions } from './apply/executors/mysql-executor.js';
export {
  openPostgresExecutor,
  postgresExecutor,
  type PostgresClientLike,
  type PostgresConnection,
  type PostgresOpenOptions,
} from './apply/executors/postgres-executor.js';
export { openSqliteExecutor, sqliteExecutor, type SqliteConnection, type SqliteDatabaseLike } from './apply/executors/sqlite-executor.js';
export { openConnection } from './apply/open-connection.js';

// Planning (diff of two database schemas)
export { planMigration, type MigrationPlan, type PlanMigrationOptions, type RenameWarning } from './diff/plan-migration.js';

// Inspection
export { listExistingTables } from './inspect/existing-tables.js';
export { inspectDatabase, type InspectOptions } from './inspect/inspect-database.js';

// Introspected schema → .schema text (db pull)

// Lint

// Migration folder, history table, deploy

