import { dirname } from 'node:path';
import type { Command } from 'commander';
import { analyzeSchema, renderDiagnostics, type Datasource, type Provider } from '@kiln/schema';
import {
  ApplyError,
  applyPlan,
  DatabaseConnectionError,
  DatabaseUrlError,
  DdlRenderError,
  describeServer,
  DriverNotInstalledError,
  listExistingTables,
  openConnection,
  parseDatabaseUrl,
  planFromEmpty,
  renderChanges,
  type Change,
  type ConnectionTarget,
  type DatabaseConnection,
} from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { loadEnvFiles } from '../load-env.js';
import { describeSchema, displayPath, loadSchema, type LoadedSchema } from '../schema-discovery.js';

export interface DbPushOptions {
  schema?: string;
  url?: string;
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
      .description('create the schema\'s tables in an empty database')
      .option('-s, --schema <path>', 'schema file or folder (default: ./schema.schema, ./db/schema.schema or ./prisma/schema.prisma)')
      .option('--url <url>', "the database URL (default: the datasource's url)"),
    dbPushCommand,
  ).showHelpAfterError('Run `kiln db push --help` for its options.');
}

const PROVIDER_NAMES: Record<Provider, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL', mysql: 'MySQL' };

/**
 * Creates every table, index, foreign key, enum and view of the schema in an empty database.
 * A database that already has tables is left alone (exit 1): changing an existing database
 * takes a diff, which `kiln migrate` will bring.
 */
export async function dbPushCommand(options: DbPushOptions, ctx: CliContext): Promise<number> {
  const schema = loadSchema(ctx.cwd, options.schema);
  const result = analyzeSchema(schema.sources);
  if (result.diagnostics.length > 0) {
    const sources = new Map(schema.sources.map((s) => [s.path, s.text]));
    ctx.stderr.write(renderDiagnostics(result.diagnostics, { color: ctx.stderr.colors.enabled, sources }));
  }
  const ir = result.ir;
  if (ir === null) return 1;
  if (ir.datasource === null) {
    throw new UserError(`The schema at ${describeSchema(schema)} has no datasource block, so kiln does not know which database to push to.`);
  }
  const datasource = ir.datasource;
  const provider = datasource.provider;

  const target = connectionTarget(options, datasource, schema, ctx);
  const where = describeTarget(target, ctx);
  const connection = await connect(target, where);
  let changes: Change[];
  try {
    // Prisma's ?schema= names the schema to push into, and creates it when missing.
    if (target.provider === 'postgresql' && target.schema !== null) {
      await applyPlan(connection, renderChanges([{ kind: 'createSchema', name: target.schema }], 'postgresql'));
    }
    const existing = await listExistingTables(connection, provider, datasource.schemas);
    if (existing.length > 0) {
      const shown = existing.slice(0, 5).join(', ') + (existing.length > 5 ? `, and ${existing.length - 5} more` : '');
      throw new UserError(
        `The ${where} already has tables (${shown}).\n` +
          '`kiln db push` only creates a schema in an empty database for now; updating an existing database arrives with `kiln migrate`.',
      );
    }
    changes = planFromEmpty(ir);
    try {
      await applyPlan(connection, renderChanges(changes, provider));
    } catch (err) {
      if (err instanceof ApplyError || err instanceof DdlRenderError) {
        throw new UserError(`Could not create the schema in the ${where}.\n${err.message}`);
      }
      throw err;
    }
  } finally {
    await connection.close().catch(() => undefined);
  }

  const { green } = ctx.stdout.colors;
  ctx.stdout.write(`${green('Pushed')} ${describeSchema(schema)} to the ${where}: ${summarize(changes)}.\n`);
  return 0;
}

/** The URL to use: --url, else the datasource's, with env() read from the environment and .env files. */
function connectionTarget(options: DbPushOptions, datasource: Datasource, schema: LoadedSchema, ctx: CliContext): ConnectionTarget {
  const schemaDir = schema.isFolder ? schema.absolute : dirname(schema.absolute);
  let url: string;
  let baseDir = schemaDir;
  if (options.url !== undefined) {
    url = options.url;
    // A path typed on the command line is relative to where it was typed.
    baseDir = ctx.cwd;
  } else if (datasource.url === null) {
    throw new UserError(`The datasource "${datasource.name}" in ${describeSchema(schema)} has no url. Add url = env("DATABASE_URL"), or pass --url.`);
  } else if (datasource.url.kind === 'literal') {
    url = datasource.url.value;
  } else {
    const name = datasource.url.name;
    const { env, files } = loadEnvFiles([schemaDir, ctx.cwd], ctx.env);
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      const looked = files.map((f) => `${displayPath(ctx.cwd, f.path)}${f.found ? '' : ' (no such file)'}`).join(' and ');
      throw new UserError(
        `The environment variable ${name} is ${value === undefined ? 'not set' : 'empty'}. The datasource "${datasource.name}" in ` +
          `${describeSchema(schema)} reads its url from env("${name}"); kiln looked in the environment and in ${looked}.\n` +
          `Set ${name}, add it to a .env file beside the schema, or pass --url.`,
      );
    }
    url = value;
  }
  try {
    return parseDatabaseUrl(url, { provider: datasource.provider, baseDir });
  } catch (err) {
    if (err instanceof DatabaseUrlError) throw new UserError(err.message);
    throw err;
  }
}

async function connect(target: ConnectionTarget, where: string): Promise<DatabaseConnection> {
  try {
    return await openConnection(target);
  } catch (err) {
    if (err instanceof DatabaseConnectionError) {
      throw new UserError(`${err.message}\nCheck that the server is running and that the URL is right.`);
    }
    if (err instanceof DriverNotInstalledError) throw new UserError(`${err.message} (needed for the ${where}).`);
    throw err;
  }
}

function describeTarget(target: ConnectionTarget, ctx: CliContext): string {
  const name = PROVIDER_NAMES[target.provider];
  return target.provider === 'sqlite'
    ? `${name} database ${displayPath(ctx.cwd, target.filename)}`
    : `${name} database at ${describeServer(target.url)}${target.provider === 'postgresql' && target.schema ? ` (schema ${target.schema})` : ''}`;
}

/** `3 tables, 1 enum, 4 indexes, 2 foreign keys`: what was created, counting what CREATE TABLE declared. */
function summarize(changes: readonly Change[]): string {
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
    }
  }
  const plural = (word: string) => (word === 'index' ? 'indexes' : `${word}s`);
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${n === 1 ? word : plural(word)}`);
  return parts.length === 0 ? 'nothing to create' : `created ${parts.join(', ')}`;
}
