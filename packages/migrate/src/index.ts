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
export { invertRenames, type RenameCandidate, type RenameDecision } from './diff/rename-decisions.js';
export { WARNING_CODES } from './diff/rename-warnings.js';
export { canonicalExpression, canonicalNumber, canonicalTypeText } from './render/sql-text.js';
export type {
  AddCheck,
  AddColumn,
  AddPrimaryKey,
  AlterColumn,
  AlterEnum,
  ColumnChangeKind,
  DropCheck,
  DropColumn,
  DropEnum,
  DropForeignKey,
  DropIndex,
  DropPrimaryKey,
  DropTable,
  DropView,
  RedefineTable,
  RenameColumn,
  RenameConstraint,
  RenameEnum,
  RenameIndex,
  RenameTable,
  ReplaceView,
  ValueRename,
} from './changes/change.js';

// Inspection
export { inspectDatabase, type InspectOptions } from './inspect/inspect-database.js';
export { canonicalizeSchema, type CanonicalSchema } from './inspect/canonicalize-schema.js';
export { introspectDatabase } from './inspect/introspect-database.js';
export type { Introspection, ViewColumns } from './inspect/introspection.js';

// Introspected schema → .schema text (db pull)
export { pullSchema, type PulledSchema, type PullOptions } from './pull/pull-schema.js';

// Lint
export { lintChanges } from './lint/lint-changes.js';
export type { LintContext, LintFinding, LintSeverity } from './lint/lint-finding.js';
export { LintRules, type LintRule, type LintRuleName } from './lint/lint-rules.js';
export { lintMigrations, type LintedMigration, type LintMigrationsOptions, type MigrationSnapshot } from './lint/lint-migrations.js';
export { rowCounter } from './lint/row-counter.js';

// Migration folder, history table, deploy
export { migrationChecksum } from './folder/migration-checksum.js';
export { MigrationFolderError } from './folder/migration-folder-error.js';
export { MIGRATION_LOCK_FILE, migrationLockText, readMigrationLock, writeMigrationLock } from './folder/migration-lock.js';
export { migrationNameFromChanges, migrationSlug, migrationTimestamp } from './folder/migration-name.js';
export { FOREIGN_KEYS_OFF_DIRECTIVE, NO_TRANSACTION_DIRECTIVE, parseMigrationScript, renderMigrationScript, type MigrationStep, type ScriptOptions } from './folder/migration-script.js';
export {
  DOWN_FILE,
  MIGRATION_FILE,
  MIGRATION_NAME,
  readMigrationsFolder,
  SNAPSHOT_FILE,
  type Migration,
  type MigrationScript,
  type MigrationsFolder,
  type ReadFolderOptions,
} from './folder/read-migrations-folder.js';
export { splitStatements, SqlSplitError, type SqlStatement } from './folder/split-statements.js';
export { DATA_LOSS_NOTE, dataLossNotes, EMPTY_SCHEMA, prepareMigration, type PreparedMigration } from './folder/prepare-migration.js';
export { writeMigration, type MigrationFiles, type WriteMigrationOptions } from './folder/write-migration.js';
export { HistoryDialect } from './history/history-dialect.js';
export { historyDialectFor } from './history/history-dialect-for.js';
export { MigrationHistory, type HistoryRow } from './history/migration-history.js';
export { migrationStatus, type MigrationState, type MigrationStatus } from './history/migration-status.js';
export { DEFAULT_LOCK_TIMEOUT_MS, type DeployDialect, type LockOptions, type MigrationLock } from './deploy/deploy-dialect.js';
export { deployDialectFor } from './deploy/deploy-dialect-for.js';
export { deployInSession, deployMigrations, refuseBlocked, type DeployOptions, type DeployResult } from './deploy/deploy-migrations.js';
export { executeScript, type ExecuteScriptOptions } from './deploy/execute-script.js';
export { createDatabaseIfMissing, openExistingDatabase } from './deploy/open-target.js';
export { MigrateError, type MigrateErrorCode } from './deploy/migrate-error.js';
export type { MigrateProgress, ProgressListener } from './deploy/migrate-progress.js';
export { withMigrationSession, type MigrationSession, type SessionOptions } from './deploy/migration-session.js';
export { resetDatabase, type ResetOptions, type ResetResult } from './deploy/reset-database.js';
export { resolveMigration, type ResolveOptions, type ResolveOutcome } from './deploy/resolve-migration.js';
export { rollbackMigrations, type RollbackOptions } from './deploy/rollback-migrations.js';

