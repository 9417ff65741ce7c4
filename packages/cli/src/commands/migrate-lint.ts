import { dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { lintMigrations, type LintedMigration } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { displayPath, findSchema } from '../schema-discovery.js';
import type { RegisterCommand } from './db-push.js';
import { plural, readExistingFolder } from './migrate-support.js';

export interface MigrateLintOptions {
  schema?: string;
  migrations?: string;
  latest?: number;
  acceptDataLoss?: boolean;
}

/** Adds `kiln migrate lint` (and the `migrate` group, once) to the program. */
export function registerMigrateLint(program: Command, register: RegisterCommand): void {
  const migrate =
    program.commands.find((c) => c.name() === 'migrate') ??
    program.command('migrate').description('create, check and apply migration files');
  register(
    migrate
      .command('lint')
      .description('check the migrations for data loss, changes that fail on existing rows, and long locks (docs/migrate-lint.md)')
      .option('-s, --schema <path>', 'schema file or folder whose migrations/ folder to lint (default: ./schema.schema, ./db/schema.schema or ./prisma/schema.prisma)')
      .option('--migrations <dir>', 'the migrations folder (default: migrations/ beside the schema)')
      .option('--latest <n>', 'lint only the last n migrations', positiveInteger)
      .option('--accept-data-loss', 'do not fail on findings that only lose data (L1xxx, L4001); they are still printed'),
    migrateLintCommand,
  ).showHelpAfterError('Run `kiln migrate lint --help` for its options.');
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of migrations, 1 or more.');
  return Number(value);
}

/**
 * Lints each migration of the folder: its changes are the plan from the previous migration's
 * snapshot to its own. Prints one line per finding, `<migration dir>: <code> <severity>: <message>`,
 * and exits 1 when any finding is an error (0 otherwise). No database is asked: rules that
 * depend on the rows of a table warn that they fail if it has rows.
 */
export async function migrateLintCommand(options: MigrateLintOptions, ctx: CliContext): Promise<number> {
  const dir = migrationsDir(options, ctx);
  const folder = readExistingFolder(ctx, dir, undefined);
  const shown = displayPath(ctx.cwd, dir);
  const { stdout } = ctx;
  if (folder.migrations.length === 0 || folder.provider === null) {
    stdout.write(`No migrations to lint in ${shown}.\n`);
    return 0;
  }

  const linted = await lintMigrations(folder.migrations, { provider: folder.provider, ...(options.latest === undefined ? {} : { latest: options.latest }) });
  const paths = new Map(folder.migrations.map((m) => [m.name, displayPath(ctx.cwd, m.path)]));
  const { red, yellow, bold, green } = stdout.colors;
  let errors = 0;
  let warnings = 0;
  let accepted = 0;
  for (const m of linted) {
    const where = paths.get(m.name) ?? m.name;
    for (const f of m.findings) {
      const label = `${f.code} ${f.severity}`;
      stdout.write(`${where}: ${f.severity === 'error' ? red(bold(label)) : yellow(label)}: ${f.message}\n`);
      if (f.severity === 'warning') warnings++;
      else if (f.destructive && options.acceptDataLoss === true) accepted++;
      else errors++;
    }
    for (const w of m.warnings) {
      // The planner's message already names the hint to add.
      stdout.write(`${where}: ${yellow(`${w.code} warning`)}: ${w.message}\n`);
      warnings++;
    }
  }
  stdout.write(summary(linted, errors, warnings, accepted, { green, red }));
  return errors > 0 ? 1 : 0;
}

/** --migrations, else `migrations/` beside the schema (inside a schema folder), as the other migrate commands find it. */
function migrationsDir(options: MigrateLintOptions, ctx: CliContext): string {
  if (options.migrations !== undefined) return resolve(ctx.cwd, options.migrations);
  try {
    const schema = findSchema(ctx.cwd, options.schema);
    return join(schema.isFolder ? schema.absolute : dirname(schema.absolute), 'migrations');
  } catch (err) {
    if (err instanceof UserError && options.schema === undefined) {
      throw new UserError('Pass --migrations <dir> or --schema <path>: kiln found no schema to find the migrations folder beside.');
    }
    throw err;
  }
}

function summary(
  linted: readonly LintedMigration[],
  errors: number,
  warnings: number,
  accepted: number,
  paint: { green: (s: string) => string; red: (s: string) => string },
): string {
  const what = `Linted ${plural(linted.length, 'migration')}`;
  const acceptedText = accepted === 0 ? '' : `, ${accepted} accepted by --accept-data-loss`;
  if (errors + warnings + accepted === 0) return `${what}: ${paint.green('no problems found')}.\n`;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${acceptedText}`;
  return `${what}: ${errors > 0 ? paint.red(counts) : counts}.\n`;
}
