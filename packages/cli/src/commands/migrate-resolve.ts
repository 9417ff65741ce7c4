import { resolveMigration } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { describeTarget, loadOptionalSchemaContext, migrationsDir, providerOf, readExistingFolder, resolveTarget, userErrors } from './migrate-support.js';

export interface MigrateResolveOptions {
  schema?: string;
  migrations?: string;
  url?: string;
  applied?: string;
  rolledBack?: string;
}

/**
 * Records what a person did about a failed (or edited) migration: `--applied <name>` when its
 * changes are in the database (finished by hand; or an applied migration whose file was edited
 * without need to rerun it), `--rolled-back <name>` when they are not (the next deploy runs it).
 */
export async function migrateResolveCommand(options: MigrateResolveOptions, ctx: CliContext): Promise<number> {
  if ((options.applied === undefined) === (options.rolledBack === undefined)) {
    throw new UserError('Pass exactly one of --applied <migration> (its changes are in the database) or --rolled-back <migration> (they are not, and the next deploy runs it).');
  }
  const name = (options.applied ?? options.rolledBack)!;
  const schema = loadOptionalSchemaContext(ctx, options, 'resolve the migration');
  const folder = readExistingFolder(ctx, migrationsDir(ctx, options.migrations, schema), schema?.provider);
  const target = resolveTarget(ctx, options.url, schema, providerOf(schema, folder));
  const where = describeTarget(target, ctx);
  const as = options.applied !== undefined ? 'applied' : 'rolledBack';
  const outcome = await userErrors(where, () => resolveMigration({ target, folder, name, as }));
  const { green } = ctx.stdout.colors;
  const messages = {
    markedApplied: `${green('Marked')} ${name} as applied in the ${where}.`,
    checksumUpdated: `${green('Recorded')} the edited migration.sql of ${name} as applied in the ${where}.`,
    markedRolledBack: `${green('Marked')} ${name} as rolled back in the ${where}: the next \`kiln migrate deploy\` runs it again.`,
  };
  ctx.stdout.write(`${messages[outcome]}\n`);
  return 0;
}
