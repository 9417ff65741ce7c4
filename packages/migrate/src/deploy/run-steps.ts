import { errorMessage } from '../apply/connection-errors.js';
import type { MigrationStep } from '../folder/migration-script.js';
import type { MigrationSession } from './migration-session.js';

/** A statement of a script failed: which one, and the database's error. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';

  constructor(
    /** 0-based index of the statement in the script. */
    readonly index: number,
    readonly step: MigrationStep,
    override readonly cause: unknown,
  ) {
    super(errorMessage(cause));
  }

  /** `statement 3 of 5 (migration.sql line 12) failed: <error>` and the statement's first lines. */
  describe(file: string, total: number): string {
    const lines = this.step.sql.split('\n');
    const shown = lines.slice(0, 6).join('\n    ') + (lines.length > 6 ? '\n    ...' : '');
    return `statement ${this.index + 1} of ${total} (${file} line ${this.step.line}) failed: ${this.message}\n  in: ${shown}`;
  }
}

/**
 * Runs statements `from` to `to` (0-based, `to` exclusive) of a script in order, reporting each
 * before it runs; a failure becomes a StepFailure. `afterEach` runs after each statement
 * (MySQL records its progress there).
 */
export async function runSteps(
  session: Pick<MigrationSession, 'connection' | 'onProgress'>,
  name: string,
  steps: readonly MigrationStep[],
  from: number,
  to: number,
  afterEach?: (done: number) => Promise<void>,
): Promise<void> {
  for (let i = from; i < to; i++) {
    const step = steps[i]!;
    session.onProgress({ kind: 'statementStarted', name, statement: i + 1, of: steps.length, sql: step.sql });
    try {
      await session.connection.execute(step.sql);
    } catch (err) {
      throw new StepFailure(i, step, err);
    }
    await afterEach?.(i + 1);
  }
}

/** Consecutive statements that run together: a transaction's worth, or one statement outside any. */
export interface Segment {
  from: number;
  to: number;
  transactional: boolean;
  /** Whether one of its statements asks for foreign key enforcement off. */
  foreignKeysOff: boolean;
}

/**
 * The statements from `from` on, grouped as they run: where DDL is transactional, each run of
 * transactional statements is one transaction and each `-- kiln:no-transaction` statement
 * runs alone; elsewhere (MySQL) every statement is its own segment.
 */
export function segments(steps: readonly MigrationStep[], from: number, transactionalDdl: boolean): Segment[] {
  const out: Segment[] = [];
  for (let i = from; i < steps.length; i++) {
    const transactional = transactionalDdl && steps[i]!.transactional;
    const last = out[out.length - 1];
    const foreignKeysOff = steps[i]!.foreignKeysOff;
    if (transactional && last !== undefined && last.transactional && last.to === i) {
      last.to = i + 1;
      last.foreignKeysOff ||= foreignKeysOff;
    } else {
      out.push({ from: i, to: i + 1, transactional, foreignKeysOff });
    }
  }
  return out;
}

/**
 * Runs `work` with foreign key enforcement off when `off` (and the database has the switch),
 * turning it back on afterwards whatever happens. The switch is set outside any transaction.
 */
export async function withForeignKeys<T>(session: Pick<MigrationSession, 'connection' | 'dialect'>, off: boolean, work: () => Promise<T>): Promise<T> {
  const enforcement = session.dialect.foreignKeyEnforcement;
  if (!off || enforcement === null) return work();
  await session.connection.execute(enforcement.off);
  try {
    return await work();
  } finally {
    await session.connection.execute(enforcement.on);
  }
}
