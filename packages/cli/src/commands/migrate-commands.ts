import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { dbExecuteCommand } from './db-execute.js';
import type { RegisterCommand } from './db-push.js';
import { dbSeedCommand } from './db-seed.js';
import { migrateDeployCommand } from './migrate-deploy.js';
import { migrateDevCommand } from './migrate-dev.js';
import { DIFF_FORMS, migrateDiffCommand } from './migrate-diff.js';
import { migrateDownCommand } from './migrate-down.js';
import { migrateResetCommand } from './migrate-reset.js';
import { migrateResolveCommand } from './migrate-resolve.js';
import { migrateStatusCommand } from './migrate-status.js';
import { MIGRATIONS_OPTION_HELP, SCHEMA_OPTION_HELP, URL_OPTION_HELP } from './migrate-support.js';

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number, 1 or more.');
  return Number(value);
}

/** The options every command on migrations takes. */
function withTarget(command: Command, migrations = true): Command {
  command.option('-s, --schema <path>', SCHEMA_OPTION_HELP);
  if (migrations) command.option('--migrations <dir>', MIGRATIONS_OPTION_HELP);
  return command.option('--url <url>', URL_OPTION_HELP);
}

/**
 * Adds `kiln migrate dev|deploy|status|reset|down|resolve|diff` (the `migrate` group is shared
 * with `kiln migrate lint`) and `kiln db seed|execute`.
 */
export function registerMigrate(program: Command, register: RegisterCommand): void {
  const migrate =
    program.commands.find((c) => c.name() === 'migrate') ??
    program.command('migrate').description('create, check and apply migration files');
  const add = <O>(command: Command, action: (options: O, ctx: CliContext) => number | Promise<number>): Command =>
    register(command, action).showHelpAfterError(`Run \`kiln ${command.parent?.name()} ${command.name()} --help\` for its options.`);

  add(
    withTarget(migrate.command('dev').description('create a migration from the schema changes, apply it to the development database and regenerate the client'))
      .option('-n, --name <name>', 'the migration\'s name (default: made from its changes)')
      .option('--create-only', 'write the migration without applying it, to edit it first')
      .option('--accept-data-loss', 'create it even if it loses data (drops a table or column, narrows a type)')
      .option('--skip-generate', 'do not regenerate the client'),
    migrateDevCommand,
  );
  add(withTarget(migrate.command('deploy').description('apply the pending migrations, in order, under a lock (for CI and production)')), migrateDeployCommand);
  add(
    withTarget(migrate.command('status').description('compare the migrations with the database: applied, pending, failed, edited, and drift; exit 1 unless up to date')),
    migrateStatusCommand,
  );
  add(
    withTarget(migrate.command('reset').description('drop everything in the database, apply every migration again, seed it and regenerate the client (development only)'))
      .option('-f, --force', 'reset without asking (needed outside a terminal)')
      .option('--skip-seed', 'do not run the seed command')
      .option('--skip-generate', 'do not regenerate the client'),
    migrateResetCommand,
  );
  add(
    withTarget(migrate.command('down').description('roll back the last applied migrations with their down.sql'))
      .option('--steps <n>', 'how many migrations to roll back (default 1)', positiveInteger)
      .option('--accept-data-loss', 'run down.sql even where it loses data'),
    migrateDownCommand,
  );
  add(
    withTarget(migrate.command('resolve').description('record how a failed or edited migration was dealt with by hand'))
      .option('--applied <migration>', 'its changes are in the database: mark it applied (or accept its edited migration.sql)')
      .option('--rolled-back <migration>', 'its changes are not in the database: mark it rolled back, so deploy runs it again'),
    migrateResolveCommand,
  );
  add(
    migrate
      .command('diff')
      .description('print the SQL that takes one schema or database to another')
      .requiredOption('--from <source>', 'what to start from (see the forms below)')
      .requiredOption('--to <source>', 'what to arrive at (see the forms below)')
      .addHelpText('after', `\nForms of --from and --to:\n${DIFF_FORMS.map((f) => `  ${f}`).join('\n')}\n\nExample:\n  kiln migrate diff --from migrations:prisma/migrations --to schema:prisma/schema.prisma\n`),
    migrateDiffCommand,
  );

  const db =
    program.commands.find((c) => c.name() === 'db') ??
    program.command('db').description('work on the database directly, without migration files');
  add(
    withTarget(db.command('seed').description("run the seed command: package.json's \"kiln\": { \"seed\": ... }, or --command"), false).option(
      '--command <command>',
      'the command to run instead of package.json\'s kiln.seed',
    ),
    dbSeedCommand,
  );
  add(
    withTarget(db.command('execute').description('run an SQL file against the database (no migration history)'), false).requiredOption('-f, --file <path>', 'the SQL file to run'),
    dbExecuteCommand,
  );
}
