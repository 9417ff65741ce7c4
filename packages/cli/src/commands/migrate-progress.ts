import { deployMigrations, type MigrateProgress, type ProgressListener } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { userErrors } from './migrate-support.js';

/** The first line of a statement, shortened for a progress line. */
function firstLine(sql: string): string {
  const line = sql.split('\n', 1)[0]!.trim();
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export interface ProgressReporter {
  listener: ProgressListener;
  /** Ends a live line, if any (call before printing anything else, and when done). */
  stop(): void;
}

/**
 * Shows a deploy's progress on stderr: which migration, statement i of n, and the time taken.
 * On a terminal one line is redrawn as the deploy goes (with the running time); elsewhere (CI
 * logs, pipes) every event is a plain line of its own.
 */
export function progressReporter(ctx: CliContext, live = process.stderr.isTTY === true && !ctx.env.CI): ProgressReporter {
  const { dim, green, yellow } = ctx.stderr.colors;
  const write = (s: string) => ctx.stderr.write(s);
  let current: { label: string; statement: string; started: number } | null = null;
  let timer: NodeJS.Timeout | undefined;
  const redraw = () => {
    if (current !== null) write(`\r\u001b[K${current.label}${current.statement} ${dim(seconds(performance.now() - current.started))}`);
  };
  const stopLine = () => {
    clearInterval(timer);
    timer = undefined;
    if (current !== null && live) write('\r\u001b[K');
  };
  const listener = (e: MigrateProgress): void => {
    switch (e.kind) {
      case 'waitingForLock':
        stopLine();
        write(`${yellow('Waiting')} for another kiln migrate to finish: it holds the migration lock${e.holder ? ` (${e.holder})` : ''}.\n`);
        break;
      case 'migrationStarted': {
        stopLine();
        const verb = e.direction === 'up' ? (e.resumeAt > 0 ? 'Resuming' : 'Applying') : 'Rolling back';
        const count = `${e.index}/${e.total}`;
        if (e.resumeAt > 0) {
          write(`${yellow('Resuming')} ${e.name} at statement ${e.resumeAt + 1} of ${e.statements}: an earlier deploy was interrupted after statement ${e.resumeAt}.\n`);
        }
        current = { label: `${verb} ${e.name} (${count})`, statement: '', started: performance.now() };
        if (live) {
          redraw();
          timer = setInterval(redraw, 100);
          timer.unref();
        } else {
          write(`${verb} ${e.name} (${count}, ${e.statements} statement${e.statements === 1 ? '' : 's'})\n`);
        }
        break;
      }
      case 'statementStarted':
        if (current !== null) current.statement = `: statement ${e.statement}/${e.of}`;
        if (live) redraw();
        else write(dim(`  statement ${e.statement}/${e.of}: ${firstLine(e.sql)}\n`));
        break;
      case 'migrationFinished':
        stopLine();
        current = null;
        write(`${green(e.direction === 'up' ? 'Applied' : 'Rolled back')} ${e.name} ${dim(`in ${seconds(e.ms)}`)}\n`);
        break;
    }
  };
  return {
    listener,
    stop() {
      stopLine();
      current = null;
    },
  };
}

type DeployOptions = Parameters<typeof deployMigrations>[0];

/** Applies the pending migrations of `folder` with progress on stderr (deploy, and dev's apply step). */
export function deployWithProgress(ctx: CliContext, target: DeployOptions['target'], folder: DeployOptions['folder'], where: string): ReturnType<typeof deployMigrations> {
  const progress = progressReporter(ctx);
  return userErrors(where, () => deployMigrations({ target, folder, onProgress: progress.listener })).finally(() => progress.stop());
}
