import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import { historyDialectFor } from './history-dialect-for.js';
import type { HistoryDialect } from './history-dialect.js';

/** One row of `_kiln_migrations`. Timestamps are ISO-8601 text in UTC. */
export interface HistoryRow {
  name: string;
  /** SHA-256 of migration.sql when it was (last) started. */
  checksum: string;
  startedAt: string;
  /** Null while it runs, and after it failed or was interrupted. */
  finishedAt: string | null;
  /** How many statements of migration.sql have run (and, on MySQL, stay applied). */
  appliedSteps: number;
  /** The error of a failed attempt. */
  logs: string | null;
  /** Set by `kiln migrate down` and `kiln migrate resolve --rolled-back`: the migration counts as not applied. */
  rolledBackAt: string | null;
}

/**
 * The history table `_kiln_migrations`: one row per migration name, written as a migration
 * starts, advances, finishes, fails or is rolled back. Every value is a bound parameter.
 */
export class MigrationHistory {
  readonly dialect: HistoryDialect;

  constructor(
    private readonly connection: DatabaseConnection,
    readonly provider: Provider,
  ) {
    this.dialect = historyDialectFor(provider);
  }

  async exists(): Promise<boolean> {
    return (await this.connection.query(this.dialect.tableExistsSql)).length > 0;
  }

  async ensureTable(): Promise<void> {
    await this.connection.execute(this.dialect.createTableSql);
  }

  /** Every row, by name; none when the table does not exist yet. */
  async read(): Promise<HistoryRow[]> {
    if (!(await this.exists())) return [];
    const rows = await this.connection.query(this.dialect.selectAllSql);
    return rows.map((r) => ({
      name: String(r.name),
      checksum: String(r.checksum),
      startedAt: String(r.started_at),
      finishedAt: nullableText(r.finished_at),
      appliedSteps: Number(r.applied_steps),
      logs: nullableText(r.logs),
      rolledBackAt: nullableText(r.rolled_back_at),
    }));
  }

  /** Records the start of an attempt: a new row, or the existing one started over. */
  async start(name: string, checksum: string, existing: boolean, appliedSteps = 0): Promise<void> {
    if (existing) await this.connection.query(this.dialect.restartSql, [checksum, appliedSteps, name]);
    else await this.connection.query(this.dialect.insertSql(false), [name, checksum, appliedSteps]);
  }

  async setAppliedSteps(name: string, steps: number): Promise<void> {
    await this.connection.query(this.dialect.stepsSql, [steps, name]);
  }

  async finish(name: string, steps: number): Promise<void> {
    await this.connection.query(this.dialect.finishSql, [steps, name]);
  }

  async fail(name: string, steps: number, logs: string): Promise<void> {
    await this.connection.query(this.dialect.failSql, [steps, logs, name]);
  }

  async markRolledBack(name: string): Promise<void> {
    await this.connection.query(this.dialect.rollBackSql, [name]);
  }

  /** `resolve --applied`: the row (new or existing) says applied, with the file's checksum. */
  async markApplied(name: string, checksum: string, steps: number, existing: boolean): Promise<void> {
    if (existing) await this.connection.query(this.dialect.resolveAppliedSql, [checksum, steps, name]);
    else await this.connection.query(this.dialect.insertSql(true), [name, checksum, steps]);
  }

  async setChecksum(name: string, checksum: string): Promise<void> {
    await this.connection.query(this.dialect.checksumSql, [checksum, name]);
  }
}

function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
