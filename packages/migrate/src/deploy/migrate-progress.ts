/** What a deploy, rollback or reset reports as it goes, for a progress display. */
export type MigrateProgress =
  /** Another deploy holds the migration lock; this one waits for it. */
  | { kind: 'waitingForLock'; holder: string | null }
  /** A migration starts (`direction: 'down'` for down.sql); `resumeAt` statements of it ran in an earlier, interrupted deploy. */
  | { kind: 'migrationStarted'; direction: 'up' | 'down'; name: string; index: number; total: number; statements: number; resumeAt: number }
  /** Statement `statement` (1-based) of `of` starts. */
  | { kind: 'statementStarted'; name: string; statement: number; of: number; sql: string }
  | { kind: 'migrationFinished'; direction: 'up' | 'down'; name: string; ms: number };

export type ProgressListener = (event: MigrateProgress) => void;
