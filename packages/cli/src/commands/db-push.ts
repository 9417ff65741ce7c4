import type { Command } from 'commander';
import {
  createDatabaseIfMissing,
  describeChange,
  executeScript,
  lintChanges,
  MigrateError,
  MigrationHistory,
  parseMigrationScript,
  renderChanges,
  renderMigrationScript,
  rowCounter,
  type Change,
} from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { describeSchema } from '../schema-discovery.js';
import { planFromDatabase } from './migrate-drift.js';
import { describeTarget, reportFindings, loadSchemaContext, plural, resolveTarget, SCHEMA_OPTION_HELP, URL_OPTION_HELP, userErrors, withConnection } from './migrate-support.js';

export interface DbPushOptions {
  schema?: string;
  url?: string;
  acceptDataLoss?: boolean;
}

/** How `createProgram` attaches an action to a command (its `register`). */
export type RegisterCommand = <O>(command: Command, action: (options: O, ctx: CliContext) => number | Promise<number>) => Command;

/** Adds `kiln db push` (and the `db` group, once) to the program. */
export function registerDbPush(program: Command, register: RegisterCommand): void {
  const db =
    program.commands.find((c) => c.name() === 'db') ??
    program.command('db').description('work on the database directly, without migration files');
  register(
    db
      .command('push')
      .description("make the database match the schema, without a migration file (for prototyping)")
      .option('-s, --schema <path>', SCHEMA_OPTION_HELP)
      .option('--url <url>', URL_OPTION_HELP)
      .option('--accept-data-loss', 'apply changes that lose data (dropping a table or column, narrowing a type)'),
    dbPushCommand,
  ).showHelpAfterError('Run `kiln db push --help` for its options.');
}

/**
 * Makes the database match the schema: reads what it holds, plans the changes to the schema,
 * lints them, and applies them (in one transaction where the database allows). Changes that
 * lose data need --accept-data-loss; changes that would fail on the rows the database holds are
 * refused. On an empty database it creates everything, as it always did.
 */
export async function dbPushCommand(options: DbPushOptions, ctx: CliContext): Promise<number> {
  const schema = loadSchemaContext(ctx, options.schema, 'push the schema');
  const { provider, datasource } = schema;
  const target = resolveTarget(ctx, options.url, schema);
  const where = describeTarget(target, ctx);
  const { yellow } = ctx.stderr.colors;

  // Prisma's ?schema= names the schema to push into, and creates it when missing; so is a MySQL database.
  await userErrors(where, () => createDatabaseIfMissing(target));
  const changes = await withConnection(target, where, async (connection): Promise<Change[] | null> => {
    const { plan, canonicalWarnings } = await planFromDatabase(connection, provider, schema.ir);
    for (const w of canonicalWarnings) ctx.stderr.write(`${yellow('warning:')} ${w}\n`);
    for (const w of plan.warnings) ctx.stderr.write(`${yellow(`${w.code} warning`)}: ${w.message}\n`);
    if (plan.changes.length === 0) return null;

    const findings = await lintChanges(plan.changes, { provider, rowCount: rowCounter(connection, provider) });
    const { losses, failures } = reportFindings(ctx, findings, options.acceptDataLoss === true);
    if (losses.length > 0 && options.acceptDataLoss !== true) {
      throw new UserError(`Pushing the schema would lose data (${plural(losses.length, 'finding')} above), so nothing was changed. Run again with --accept-data-loss if that is what you want.`);
    }
    if (failures.length > 0) {
      throw new UserError(`Pushing the schema would fail on the rows the ${where} holds (${plural(failures.length, 'finding')} above), so nothing was changed. Change the schema (a default for the new column, say) or the data first.`);
    }
    if (await new MigrationHistory(connection, provider).exists()) {
      ctx.stderr.write(`${yellow('warning:')} the ${where} is managed by migrations (it has a _kiln_migrations table); \`kiln db push\` changes it without one, so \`kiln migrate status\` will report drift until a migration says the same.\n`);
    }
    const steps = parseMigrationScript(renderMigrationScript(renderChanges(plan.changes, provider), provider), provider);
    try {
      await executeScript(connection, provider, steps, { file: 'the pushed schema' });
    } catch (err) {
      if (err instanceof MigrateError) throw new UserError(`Could not push the schema to the ${where}.\n${err.message}`);
      throw err;
    }
    return plan.changes;
  });

  const { green } = ctx.stdout.colors;
  if (changes === null) {
    ctx.stdout.write(`The ${where} is already in sync with ${describeSchema(schema.schema)}: nothing to push.\n`);
    return 0;
  }
  const created = summarizeCreation(changes);
  if (created !== null) {
    ctx.stdout.write(`${green('Pushed')} ${describeSchema(schema.schema)} to the ${where}: ${created}.\n`);
  } else {
    ctx.stdout.write(`${green('Pushed')} ${describeSchema(schema.schema)} to the ${where}: ${plural(changes.length, 'change')}.\n${changes.map((c) => `  ${describeChange(c)}\n`).join('')}`);
  }
  return 0;
}

/** `created 3 tables, 1 enum, 4 indexes, 2 foreign keys` when every change creates something (counting what CREATE TABLE declared); else null. */
function summarizeCreation(changes: readonly Change[]): string | null {
  const counts = { schema: 0, enum: 0, table: 0, index: 0, 'foreign key': 0, view: 0 };
  for (const c of changes) {
    switch (c.kind) {
      case 'createSchema':
        counts.schema++;
        break;
      case 'createEnum':
        counts.enum++;
        break;
      case 'createTable':
        counts.table++;
        counts.index += c.indexes.length;
        counts['foreign key'] += c.foreignKeys.length;
        break;
      case 'createIndex':
        counts.index++;
        break;
      case 'addForeignKey':
        counts['foreign key']++;
        break;
      case 'createView':
        counts.view++;
        break;
      default:
        return null;
    }
  }
  const words = (word: string) => (word === 'index' ? 'indexes' : `${word}s`);
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => plural(n, word, words(word)));
  return `created ${parts.join(', ')}`;
}
