import { Command, Option } from 'commander';
import type { CliContext } from './context.js';
import { registerDbPull } from './commands/db-pull.js';
import { registerDbPush } from './commands/db-push.js';
import { formatCommand } from './commands/format.js';
import { registerGenerate } from './commands/generate.js';
import { initCommand } from './commands/init.js';
import { registerMigrate } from './commands/migrate-commands.js';
import { registerMigrateLint } from './commands/migrate-lint.js';
import { PROVIDER_NAMES } from './commands/init-template.js';
import { validateCommand } from './commands/validate.js';
import { cliVersion } from './version.js';

/** A command's action: returns the process exit code. */
type Action<O> = (options: O, ctx: CliContext) => number | Promise<number>;

const SCHEMA_HELP = 'schema file, or folder whose .schema/.prisma files are merged (default: ./schema.schema, ./db/schema.schema or ./prisma/schema.prisma)';

/**
 * Builds the `kiln` program. Commander never exits the process itself (exitOverride): `run`
 * turns its errors into exit codes, and each action reports its own exit code through
 * `setExitCode`.
 */
export function createProgram(ctx: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command('kiln');
  const { red, bold } = ctx.stderr.colors;

  // Settings made before `.command()` are inherited by every subcommand.
  program
    .description('Kiln: a schema-first ORM toolkit for TypeScript.')
    .version(cliVersion(), '-v, --version', 'print the kiln version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error:/, red(bold('error:')))),
    })
    .showSuggestionAfterError(true);

  const register = <O>(command: Command, action: Action<O>): Command =>
    command
      .showHelpAfterError(`Run \`kiln ${command.name()} --help\` for its options.`)
      .action(async (options: O) => setExitCode(await action(options, ctx)));

  register(
    program
      .command('validate')
      .description('check the schema for errors and print any diagnostics')
      .option('-s, --schema <path>', SCHEMA_HELP),
    validateCommand,
  );

  register(
    program
      .command('format')
      .description('format the schema files in place')
      .option('-s, --schema <path>', SCHEMA_HELP)
      .option('--check', 'write nothing; exit 1 if any file is not formatted (for CI)'),
    formatCommand,
  );

  register(
    program
      .command('init')
      .description('create a starter schema.schema and a .env with DATABASE_URL')
      .addOption(
        new Option('-p, --provider <provider>', 'the database to use').choices(PROVIDER_NAMES).default('sqlite'),
      ),
    initCommand,
  );

  registerDbPush(program, register);
  registerDbPull(program, register);
  registerGenerate(program, register);
  registerMigrate(program, register);
  registerMigrateLint(program, register);

  // Set last so that it is not inherited: subcommands name their own --help above.
  program.showHelpAfterError('Run `kiln --help` to see the commands and their options.');
  return program;
}
