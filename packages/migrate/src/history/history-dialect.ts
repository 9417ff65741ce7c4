import type { Dialect } from '@kiln/sql';
// One name for the table, which introspection also leaves out.
import { HISTORY_TABLE } from '../inspect/introspect-database.js';

/**
 * How one database spells the history table and its queries. The shared base writes the
 * statements; each dialect (`dialects/`) says only its column types, its clock and how it
 * reads a timestamp back as ISO-8601 text (so that no driver converts it to local time).
 */
export abstract class HistoryDialect {
  /** The query dialect of @kiln/sql: identifier quoting and placeholders. */
  protected abstract readonly sql: Dialect;
  /** CREATE TABLE IF NOT EXISTS for the history table. */
  abstract readonly createTableSql: string;
  /** The statement telling whether the history table exists in the current schema/database (one row if it does). */
  abstract readonly tableExistsSql: string;
  /** An expression for the current time, as stored in the timestamp columns. */
  protected abstract readonly now: string;
  /** An expression reading a timestamp column as `YYYY-MM-DDTHH:MM:SS.mmmZ` text (UTC). */
  protected abstract timestampText(column: string): string;

  get table(): string {
    return this.quote(HISTORY_TABLE);
  }

  quote(name: string): string {
    return this.sql.quoteIdentifier(name);
  }

  /** The placeholders for `count` parameters, from 1. */
  protected params(count: number): string[] {
    return Array.from({ length: count }, (_, i) => this.sql.placeholder(i + 1));
  }

  get selectAllSql(): string {
    const ts = (c: string) => `${this.timestampText(this.quote(c))} AS ${this.quote(c)}`;
    return (
      `SELECT ${this.quote('name')}, ${this.quote('checksum')}, ${ts('started_at')}, ${ts('finished_at')}, ` +
      `${this.quote('applied_steps')}, ${this.quote('logs')}, ${ts('rolled_back_at')} FROM ${this.table} ORDER BY ${this.quote('name')}`
    );
  }

  /** A new row: (name, checksum, applied_steps, finished) — finished sets finished_at to now. */
  insertSql(finished: boolean): string {
    const [name, checksum, steps] = this.params(3);
    return (
      `INSERT INTO ${this.table} (${['name', 'checksum', 'started_at', 'finished_at', 'applied_steps'].map((c) => this.quote(c)).join(', ')}) ` +
      `VALUES (${name}, ${checksum}, ${this.now}, ${finished ? this.now : 'NULL'}, ${steps})`
    );
  }

  /** Starts a row over for another attempt: (checksum, applied_steps, name). */
  get restartSql(): string {
    const [checksum, steps, name] = this.params(3);
    return this.update(
      [`${this.quote('checksum')} = ${checksum}`, `${this.quote('started_at')} = ${this.now}`, `${this.quote('finished_at')} = NULL`, `${this.quote('applied_steps')} = ${steps}`, `${this.quote('logs')} = NULL`, `${this.quote('rolled_back_at')} = NULL`],
      name!,
    );
  }

  /** (applied_steps, name). */
  get stepsSql(): string {
    const [steps, name] = this.params(2);
    return this.update([`${this.quote('applied_steps')} = ${steps}`], name!);
  }

  /** Marks a row applied: (applied_steps, name). */
  get finishSql(): string {
    const [steps, name] = this.params(2);
    return this.update([`${this.quote('finished_at')} = ${this.now}`, `${this.quote('applied_steps')} = ${steps}`, `${this.quote('logs')} = NULL`], name!);
  }

  /** Records a failure: (applied_steps, logs, name). */
  get failSql(): string {
    const [steps, logs, name] = this.params(3);
    return this.update([`${this.quote('applied_steps')} = ${steps}`, `${this.quote('logs')} = ${logs}`], name!);
  }

  /** (name). */
  get rollBackSql(): string {
    const [name] = this.params(1);
    return this.update([`${this.quote('rolled_back_at')} = ${this.now}`], name!);
  }

  /** Marks a row applied by hand (resolve): (checksum, applied_steps, name). */
  get resolveAppliedSql(): string {
    const [checksum, steps, name] = this.params(3);
    return this.update(
      [`${this.quote('checksum')} = ${checksum}`, `${this.quote('finished_at')} = ${this.now}`, `${this.quote('applied_steps')} = ${steps}`, `${this.quote('rolled_back_at')} = NULL`],
      name!,
    );
  }

  /** Records the checksum of an applied migration's edited file (resolve): (checksum, name). */
  get checksumSql(): string {
    const [checksum, name] = this.params(2);
    return this.update([`${this.quote('checksum')} = ${checksum}`], name!);
  }

  private update(sets: string[], nameParam: string): string {
    return `UPDATE ${this.table} SET ${sets.join(', ')} WHERE ${this.quote('name')} = ${nameParam}`;
  }
}
