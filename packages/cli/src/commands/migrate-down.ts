import { dataLossNotes, MigrationHistory, migrationStatus, rollbackMigrations, type ConnectionTarget, type MigrationsFolder } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { progressReporter } from './migrate-progress.js';
import {
  describeTarget,
  loadOptionalSchemaContext,
  migrationsDir,
  plural,
  providerOf,
  readExistingFolder,
  resolveTarget,
  userErrors,
  withConnection,
} from './migrate-support.js';

export interface MigrateDownOptions {
  schema?: string;
  migrations?: string;
  url?: string;
  steps?: number;
  acceptDataLoss?: boolean;
}

/**
 * Rolls back the last `--steps` applied migrations (default 1), newest first, with their
 * down.sql, and marks them rolled back. A down.sql that loses data (its `-- kiln: data loss:`
 * comments) runs only with --accept-data-loss.
 */
export async function migrateDownCommand(options: MigrateDownOptions, ctx: CliContext): Promise<number> {
  const steps = options.steps ?? 1;
  const schema = loadOptionalSchemaContext(ctx, options, 'roll back migrations');
  const folder = readExistingFolder(ctx, migrationsDir(ctx, options.migrations, schema), schema?.provider);
  const target = resolveTarget(ctx, options.url, schema, providerOf(schema, folder));
  const where = describeTarget(target, ctx);

  if (options.acceptDataLoss !== true) {
    const losses = await dataLosses(target, where, folder, steps);
    if (losses.length > 0) {
      throw new UserError(
        `Rolling back loses data:\n${losses.map((l) => `  ${l}`).join('\n')}\n` +
          'Nothing was rolled back. Pass --accept-data-loss to run the down migration anyway.',
      );
    }
  }
  const progress = progressReporter(ctx);
  const done = await userErrors(where, () => rollbackMigrations({ target, folder, steps, onProgress: progress.listener })).finally(() => progress.stop());
  ctx.stdout.write(`${ctx.stdout.colors.green('Rolled back')} ${plural(done.length, 'migration')} in the ${where}: ${done.join(', ')}.\n`);
  return 0;
}

/** The data-loss notes of the down.sql files that `steps` rollbacks would run. */
async function dataLosses(target: ConnectionTarget, where: string, folder: MigrationsFolder, steps: number): Promise<string[]> {
  const rows = await withConnection(target, where, (c) => new MigrationHistory(c, target.provider).read());
  const applied = migrationStatus(folder, rows).migrations.filter((s) => s.kind === 'applied');
  const out: string[] = [];
  for (const s of applied.slice(-steps).reverse()) {
    for (const note of dataLossNotes(s.migration.down?.text ?? '')) out.push(`${s.migration.name}: ${note}`);
  }
  return out;
}
