import { createColors } from '../src/colors.js';
import type { CliContext } from '../src/context.js';
import { progressReporter } from '../src/commands/migrate-progress.js';

/*
 * The deploy progress on stderr: plain lines where stderr is not a terminal (CI logs), one
 * redrawn line on a terminal. In-process, with the events a deploy sends.
 */

function context(): { ctx: CliContext; err: () => string } {
  let err = '';
  const out = { write: () => undefined, colors: createColors(false) };
  return { ctx: { cwd: '/', env: {}, stdout: out, stderr: { write: (s) => void (err += s), colors: createColors(false) } }, err: () => err };
}

const EVENTS = [
  { kind: 'waitingForLock', holder: 'PostgreSQL backend 42' },
  { kind: 'migrationStarted', direction: 'up', name: '20240101000000_init', index: 1, total: 2, statements: 2, resumeAt: 0 },
  { kind: 'statementStarted', name: '20240101000000_init', statement: 1, of: 2, sql: 'CREATE TABLE "a" (\n  "id" INT\n)' },
  { kind: 'statementStarted', name: '20240101000000_init', statement: 2, of: 2, sql: `INSERT INTO "a" VALUES (${'1, '.repeat(60)}1)` },
  { kind: 'migrationFinished', direction: 'up', name: '20240101000000_init', ms: 1234 },
  { kind: 'migrationStarted', direction: 'up', name: '20240102000000_more', index: 2, total: 2, statements: 5, resumeAt: 3 },
  { kind: 'migrationFinished', direction: 'up', name: '20240102000000_more', ms: 10 },
] as const;

test('plain lines: the lock wait, each migration and statement, the time taken, a resume', () => {
  const { ctx, err } = context();
  const p = progressReporter(ctx, false);
  for (const e of EVENTS) p.listener(e);
  p.stop();
  expect(err()).toBe(
    'Waiting for another kiln migrate to finish: it holds the migration lock (PostgreSQL backend 42).\n' +
      'Applying 20240101000000_init (1/2, 2 statements)\n' +
      '  statement 1/2: CREATE TABLE "a" (\n' +
      `  statement 2/2: ${`INSERT INTO "a" VALUES (${'1, '.repeat(60)}1)`.slice(0, 97)}...\n` +
      'Applied 20240101000000_init in 1.2 s\n' +
      'Resuming 20240102000000_more at statement 4 of 5: an earlier deploy was interrupted after statement 3.\n' +
      'Resuming 20240102000000_more (2/2, 5 statements)\n' +
      'Applied 20240102000000_more in 0.0 s\n',
  );
});

test('on a terminal: one line redrawn per statement, cleared before the result', () => {
  const { ctx, err } = context();
  const p = progressReporter(ctx, true);
  for (const e of EVENTS.slice(1, 5)) p.listener(e);
  p.stop();
  const text = err();
  expect(text).toMatch(/^\r\u001b\[KApplying 20240101000000_init \(1\/2\) \d+\.\d s/);
  expect(text).toContain('\r\u001b[KApplying 20240101000000_init (1/2): statement 2/2 ');
  expect(text).toMatch(/\r\u001b\[KApplied 20240101000000_init in 1\.2 s\n$/);
  expect(text).not.toContain('INSERT');
});
