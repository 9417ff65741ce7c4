import { CommanderError } from 'commander';
import { processContext, type CliContext } from './context.js';
import { isFsError, UserError } from './errors.js';
import { createProgram } from './program.js';

/**
 * Runs `kiln` with the given arguments (without `node` and the script) and returns the exit
 * code; it never calls `process.exit` and never throws.
 *   0  success (including --help and --version)
 *   1  the user has something to fix: invalid schema, unformatted files, bad arguments, missing files
 *   2  an unexpected internal error: a bug in kiln
 */
export async function run(argv: readonly string[], ctx: CliContext = processContext()): Promise<number> {
  let exitCode = 0;
  const program = createProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, ctx);
  }
}

function reportError(err: unknown, ctx: CliContext): number {
  const { red, bold, dim } = ctx.stderr.colors;
  const label = red(bold('error:'));
  // Commander has already printed its message (and the hint) by the time it throws.
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1;
  if (err instanceof UserError) {
    ctx.stderr.write(`${label} ${err.message}\n`);
    return 1;
  }
  // Permission denied, read-only filesystem, disk full: the user's to fix, not a kiln bug.
  if (isFsError(err) && typeof err.path === 'string') {
    ctx.stderr.write(`${label} ${err.message}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  ctx.stderr.write(`${label} kiln hit an unexpected internal error: ${message}\n`);
  if (ctx.env.KILN_DEBUG && err instanceof Error && err.stack) {
    ctx.stderr.write(`${dim(err.stack)}\n`);
  } else {
    ctx.stderr.write('This is a bug in kiln; please report it. Set KILN_DEBUG=1 to print the stack trace.\n');
  }
  return 2;
}
