import { deployMigrations, errorMessage, readMigrationsFolder, type ConnectionTarget } from '../../../src/index.js';

/*
 * A deploy in a process of its own, for the tests that run two at once or kill one midway.
 * argv[2] is JSON: { target, folder, lockTimeoutMs? }. Progress goes to stderr one line per
 * event; the result goes to stdout as JSON. Exit 0 on success, 1 with the message on failure.
 */

const request = JSON.parse(process.argv[2]!) as { target: ConnectionTarget; folder: string; lockTimeoutMs?: number };
try {
  const folder = readMigrationsFolder(request.folder, { provider: request.target.provider });
  const result = await deployMigrations({
    target: request.target,
    folder,
    lockTimeoutMs: request.lockTimeoutMs,
    onProgress: (e) => {
      switch (e.kind) {
        case 'waitingForLock':
          process.stderr.write(`waiting for the lock\n`);
          break;
        case 'migrationStarted':
          process.stderr.write(`start ${e.name}${e.resumeAt > 0 ? ` resuming at ${e.resumeAt + 1}` : ''}\n`);
          break;
        case 'statementStarted':
          process.stderr.write(`statement ${e.name} ${e.statement}/${e.of}\n`);
          break;
        case 'migrationFinished':
          process.stderr.write(`finished ${e.name}\n`);
          break;
      }
    },
  });
  process.stdout.write(JSON.stringify(result));
} catch (err) {
  process.stderr.write(`failed: ${errorMessage(err)}\n`);
  process.exitCode = 1;
}
