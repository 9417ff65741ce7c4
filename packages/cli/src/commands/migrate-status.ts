import { MigrationHistory, migrationStatus, openExistingDatabase, type MigrationState } from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { displayPath } from '../schema-discovery.js';
import { detectDrift, driftLines } from './migrate-drift.js';
import {
  describeTarget,
  loadOptionalSchemaContext,
  migrationsDir,
  plural,
  providerOf,
  readExistingFolder,
  resolveTarget,
  useConnection,
  userErrors,
} from './migrate-support.js';

export interface MigrateStatusOptions {
  schema?: string;
  migrations?: string;
  url?: string;
}

/**
 * Compares the migrations folder with the database's history: each migration applied, pending,
 * failed, interrupted or edited after it was applied; migrations the database has that the
 * folder lacks; and drift, the differences between the live database and the snapshot of the
 * last applied migration. Exit 0 only when everything is applied and nothing differs, so CI
 * can check a database with it. Reads only: it never creates the history table.
 */
export async function migrateStatusCommand(options: MigrateStatusOptions, ctx: CliContext): Promise<number> {
  const schema = loadOptionalSchemaContext(ctx, options, 'check the migrations');
  const dir = migrationsDir(ctx, options.migrations, schema);
  const folder = readExistingFolder(ctx, dir, schema?.provider);
  const provider = providerOf(schema, folder);
  const target = resolveTarget(ctx, options.url, schema, provider);
  const where = describeTarget(target, ctx);
  const shown = displayPath(ctx.cwd, dir);

  // Read only: a database that does not exist yet is reported as such, not created.
  const connection = await userErrors(where, () => openExistingDatabase(target));
  const { status, drift } =
    connection === null
      ? { status: migrationStatus(folder, []), drift: { against: null, changes: [] } }
      : await useConnection(connection, where, async (c) => {
          const status = migrationStatus(folder, await new MigrationHistory(c, target.provider).read());
          return { status, drift: await detectDrift(c, target.provider, status) };
        });

  const { green, yellow, red, dim, bold } = ctx.stdout.colors;
  const out: string[] = [`${bold(`${plural(folder.migrations.length, 'migration')} in ${shown}`)}, against the ${where}:`];
  const label: Record<MigrationState['kind'], string> = {
    applied: green('applied    '),
    pending: yellow('pending    '),
    failed: red('failed     '),
    interrupted: red('interrupted'),
  };
  for (const s of status.migrations) out.push(`  ${label[s.kind]}  ${s.migration.name}${note(s) === '' ? '' : `  ${dim(note(s))}`}`);
  for (const row of status.missing) out.push(`  ${red('not in folder')}  ${row.name}  ${dim(row.finishedAt === null ? '(failed or interrupted)' : `(applied ${row.finishedAt})`)}`);

  const count = (kind: MigrationState['kind']) => status.migrations.filter((s) => s.kind === kind).length;
  const edited = status.migrations.filter((s) => s.kind === 'applied' && s.edited).length;
  const problems: string[] = [];
  if (count('failed') > 0) problems.push(`${plural(count('failed'), 'migration')} failed: fix the cause, then \`kiln migrate resolve\` (see \`kiln migrate deploy\`'s message for the details).`);
  if (count('interrupted') > 0) problems.push(`${plural(count('interrupted'), 'migration was', 'migrations were')} interrupted: \`kiln migrate deploy\` resumes ${count('interrupted') === 1 ? 'it' : 'them'}.`);
  if (edited > 0) problems.push(`${plural(edited, 'applied migration was', 'applied migrations were')} edited afterwards: restore the file, or record it with \`kiln migrate resolve --applied <name>\`.`);
  if (status.missing.length > 0) problems.push(`${plural(status.missing.length, 'migration')} of the database ${status.missing.length === 1 ? 'is' : 'are'} not in ${shown}: is the folder up to date?`);
  if (count('pending') > 0) problems.push(`${plural(count('pending'), 'migration is', 'migrations are')} pending: \`kiln migrate deploy\` applies ${count('pending') === 1 ? 'it' : 'them'}.`);

  out.push('');
  if (connection === null) {
    out.push(`The ${where} does not exist yet; \`kiln migrate deploy\` creates it.`);
  } else if (drift.changes.length === 0) {
    out.push(`The database matches ${drift.against === null ? 'an empty schema (no migration is applied)' : `the schema of ${drift.against}`}: no drift.`);
  } else {
    out.push(
      `${red('Drift:')} the database differs from ${drift.against === null ? 'an empty database (no migration is applied)' : `the schema of the last applied migration, ${drift.against}`}. ` +
        'To match the migrations it would need:',
      ...driftLines(drift),
      'Someone changed the database outside the migrations. Put the change into a migration, or undo it by hand (on a development database, `kiln migrate reset`).',
    );
    problems.push('The database has drifted from the migrations (above).');
  }
  if (problems.length === 0) out.push(green('The database is up to date.'));
  else out.push(...problems);
  ctx.stdout.write(`${out.join('\n')}\n`);
  return problems.length === 0 ? 0 : 1;
}

function note(s: MigrationState): string {
  switch (s.kind) {
    case 'applied':
      return s.edited ? '(its migration.sql was edited after it was applied)' : '';
    case 'pending':
      return s.row === null ? '' : `(rolled back ${s.row.rolledBackAt})`;
    case 'failed':
      return `(${s.row.logs!.split('\n')[0]!.replace(/^Migration \S+ failed: /, '')})`;
    case 'interrupted':
      return `(stopped after statement ${s.row.appliedSteps} of ${s.migration.script.steps.length})`;
  }
}
