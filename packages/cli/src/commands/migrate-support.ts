import { dirname, join, resolve } from 'node:path';
import { generateClient, resolveOutputDir, writeClient } from '@kiln/generator';
import { analyzeSchema, renderDiagnostics, type Datasource, type Provider, type SchemaIR } from '@kiln/schema';
import {
  ApplyError,
  createDatabaseIfMissing,
  DatabaseConnectionError,
  DatabaseUrlError,
  DdlRenderError,
  describeServer,
  DriverNotInstalledError,
  MigrateError,
  MigrationFolderError,
  openConnection,
  parseDatabaseUrl,
  readMigrationsFolder,
  type ConnectionTarget,
  type DatabaseConnection,
  type LintFinding,
  type MigrationsFolder,
} from '@kiln/migrate';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { loadEnvFiles } from '../load-env.js';
import { describeSchema, displayPath, findSchema, loadSchema, type LoadedSchema } from '../schema-discovery.js';

/*
 * What the `kiln migrate` and `kiln db` commands share: the schema and its datasource, the
 * database URL (--url, else the datasource's, else DATABASE_URL), the migrations folder, and
 * the translation of migrate's errors into messages without a stack trace.
 */

export const SCHEMA_OPTION_HELP = 'schema file or folder (default: ./schema.schema, ./db/schema.schema or ./prisma/schema.prisma)';
export const URL_OPTION_HELP = "the database URL (default: the datasource's url, else DATABASE_URL)";
export const MIGRATIONS_OPTION_HELP = 'the migrations folder (default: migrations/ beside the schema)';

/** A valid schema with a datasource. */
export interface SchemaContext {
  schema: LoadedSchema;
  ir: SchemaIR;
  datasource: Datasource;
  provider: Provider;
  /** The folder relative paths in the schema resolve against. */
  dir: string;
}

/**
 * Loads and analyzes the schema; prints its diagnostics on stderr. Errors (or no datasource)
 * throw a UserError after the diagnostics, so nothing touches the database.
 */
export function loadSchemaContext(ctx: CliContext, explicit: string | undefined, action: string): SchemaContext {
  const schema = loadSchema(ctx.cwd, explicit);
  const result = analyzeSchema(schema.sources);
  if (result.diagnostics.length > 0) {
    const sources = new Map(schema.sources.map((s) => [s.path, s.text]));
    ctx.stderr.write(renderDiagnostics(result.diagnostics, { color: ctx.stderr.colors.enabled, sources }));
  }
  if (result.ir === null) throw new UserError(`The schema has errors (above), so kiln did not ${action}. Fix them and run the command again.`);
  if (result.ir.datasource === null) {
    throw new UserError(`The schema at ${describeSchema(schema)} has no datasource block, so kiln does not know which database to use. Add one, e.g. datasource db { provider = "postgresql" url = env("DATABASE_URL") }.`);
  }
  return { schema, ir: result.ir, datasource: result.ir.datasource, provider: result.ir.datasource.provider, dir: schema.isFolder ? schema.absolute : dirname(schema.absolute) };
}

/**
 * The schema when there is one: `--schema`, or the first default location that exists. Commands
 * that only apply migrations (deploy, status, resolve, down) run without a schema when
 * `--migrations` is given and no default schema exists; the provider then comes from
 * migration_lock.toml and the URL from --url or DATABASE_URL.
 */
export function loadOptionalSchemaContext(ctx: CliContext, options: { schema?: string; migrations?: string }, action: string): SchemaContext | null {
  return options.migrations === undefined ? loadSchemaContext(ctx, options.schema, action) : loadSchemaContextIfAny(ctx, options.schema, action);
}

/** The schema named by `explicit`, else the one found where kiln looks; null when none is there. */
export function loadSchemaContextIfAny(ctx: CliContext, explicit: string | undefined, action: string): SchemaContext | null {
  if (explicit === undefined) {
    try {
      findSchema(ctx.cwd);
    } catch (err) {
      if (err instanceof UserError) return null;
      throw err;
    }
  }
  return loadSchemaContext(ctx, explicit, action);
}

/** `--migrations`, else `migrations/` beside the schema (inside a schema folder). */
export function migrationsDir(ctx: CliContext, explicit: string | undefined, schema: SchemaContext | null): string {
  if (explicit !== undefined) return resolve(ctx.cwd, explicit);
  if (schema === null) throw new UserError('Pass --migrations <dir> or --schema <path>: kiln found no schema to find the migrations folder beside.');
  return join(schema.dir, 'migrations');
}

/** Reads and checks the folder; its problems become UserErrors. */
export function readFolder(dir: string, provider: Provider | undefined): MigrationsFolder {
  try {
    return readMigrationsFolder(dir, provider === undefined ? {} : { provider });
  } catch (err) {
    if (err instanceof MigrationFolderError) throw new UserError(err.message);
    throw err;
  }
}

/** The folder, which must exist (deploy, status, down, resolve). */
export function readExistingFolder(ctx: CliContext, dir: string, provider: Provider | undefined): MigrationsFolder {
  const folder = readFolder(dir, provider);
  if (!folder.exists) {
    throw new UserError(`There is no migrations folder at ${displayPath(ctx.cwd, dir)}. Create the first migration with \`kiln migrate dev\`, or pass --migrations <dir>.`);
  }
  return folder;
}

/** The provider of a command: the schema's, else the folder's lock file. */
export function providerOf(schema: SchemaContext | null, folder: MigrationsFolder | null): Provider | undefined {
  return schema?.provider ?? folder?.provider ?? undefined;
}

/**
 * Where to connect: `--url`; else the datasource's url (a literal, or env("NAME") read from the
 * environment and the .env files beside the schema and in the working directory); else
 * DATABASE_URL. A relative SQLite path on the command line is relative to the working
 * directory; one from the datasource or the environment, to the schema's folder.
 */
export function resolveTarget(ctx: CliContext, url: string | undefined, schema: SchemaContext | null, provider?: Provider): ConnectionTarget {
  const wanted = provider ?? schema?.provider;
  let text: string;
  let baseDir = schema?.dir ?? ctx.cwd;
  if (url !== undefined) {
    text = url;
    baseDir = ctx.cwd;
  } else if (schema?.datasource.url?.kind === 'literal') {
    text = schema.datasource.url.value;
  } else {
    const name = schema?.datasource.url?.kind === 'env' ? schema.datasource.url.name : 'DATABASE_URL';
    const { env, files } = loadEnvFiles(schema === null ? [ctx.cwd] : [schema.dir, ctx.cwd], ctx.env);
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      const looked = files.map((f) => `${displayPath(ctx.cwd, f.path)}${f.found ? '' : ' (no such file)'}`).join(' and ');
      const source =
        schema === null
          ? 'There is no schema to read a datasource url from'
          : schema.datasource.url === null
            ? `The datasource "${schema.datasource.name}" in ${describeSchema(schema.schema)} has no url, so kiln reads DATABASE_URL`
            : `The datasource "${schema.datasource.name}" in ${describeSchema(schema.schema)} reads its url from env("${name}")`;
      throw new UserError(
        `The environment variable ${name} is ${value === undefined ? 'not set' : 'empty'}. ${source}; kiln looked in the environment and in ${looked}.\n` +
          `Set ${name}, add it to a .env file beside the schema, or pass --url.`,
      );
    }
    text = value;
  }
  try {
    return parseDatabaseUrl(text, { ...(wanted === undefined ? {} : { provider: wanted }), baseDir });
  } catch (err) {
    if (err instanceof DatabaseUrlError) throw new UserError(err.message);
    throw err;
  }
}

const PROVIDER_NAMES: Record<Provider, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL', mysql: 'MySQL' };

/** `SQLite database dev.db`, `PostgreSQL database at host:5432/app (schema s)`. */
export function describeTarget(target: ConnectionTarget, ctx: CliContext): string {
  const name = PROVIDER_NAMES[target.provider];
  return target.provider === 'sqlite'
    ? `${name} database ${displayPath(ctx.cwd, target.filename)}`
    : `${name} database at ${describeServer(target.url)}${target.provider === 'postgresql' && target.schema ? ` (schema ${target.schema})` : ''}`;
}

/** Opens a connection; an unreachable server or a missing driver is a UserError saying what to check. */
export async function connect(target: ConnectionTarget, where: string): Promise<DatabaseConnection> {
  try {
    return await openConnection(target);
  } catch (err) {
    throw asUserError(err, where);
  }
}

/**
 * Migrate's errors, which say what happened and what to do, as UserErrors (no stack trace);
 * anything else unchanged (a bug: exit code 2).
 */
export function asUserError(err: unknown, where: string): unknown {
  if (err instanceof MigrateError || err instanceof ApplyError || err instanceof MigrationFolderError) return new UserError(err.message);
  if (err instanceof DdlRenderError) return new UserError(err.message);
  if (err instanceof DatabaseConnectionError) return new UserError(`${err.message}\nCheck that the server is running and that the URL is right.`);
  if (err instanceof DriverNotInstalledError) return new UserError(`${err.message} (needed for the ${where}).`);
  if (err instanceof DatabaseUrlError) return new UserError(err.message);
  // A database error outside a migration statement (the connection dropped, a permission):
  // the driver's message, and where.
  if (isDriverError(err)) return new UserError(`The ${where} reported an error: ${(err as Error).message}`);
  return err;
}

function isDriverError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (/^SQLITE_/.test(code) || /^[0-9A-Z]{5}$/.test(code) || /^(ER_|ECONN|ETIMEDOUT|EPIPE|PROTOCOL_)/.test(code));
}

/** Runs `work` with a connection that is always closed; migrate's errors become UserErrors. */
export async function withConnection<T>(target: ConnectionTarget, where: string, work: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
  return useConnection(await connect(target, where), where, work);
}

/** Runs `work` with an open connection and closes it; migrate's errors become UserErrors. */
export async function useConnection<T>(connection: DatabaseConnection, where: string, work: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
  try {
    return await work(connection);
  } catch (err) {
    throw asUserError(err, where);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/**
 * Creates the MySQL database or PostgreSQL `?schema=` the target names when it does not exist
 * yet, as Prisma does, and says so on stderr.
 */
export async function ensureDatabase(ctx: CliContext, target: ConnectionTarget, where: string): Promise<void> {
  if (await userErrors(where, () => createDatabaseIfMissing(target))) ctx.stderr.write(ctx.stderr.colors.dim(`Created the ${where}.\n`));
}

/** Runs `work`, turning migrate's errors into UserErrors. */
export async function userErrors<T>(where: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw asUserError(err, where);
  }
}

export const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

/**
 * Regenerates the client after the database changed, as `kiln generate` does (into the
 * generator block's output, default generated/kiln beside the schema), and says where.
 */
export function regenerateClient(ctx: CliContext, schema: SchemaContext): void {
  const started = performance.now();
  const outputDir = resolveOutputDir(schema.ir, schema.dir);
  writeClient(generateClient(schema.ir, { outputDir, schemaDir: schema.dir }));
  ctx.stdout.write(`${ctx.stdout.colors.green('Generated')} the Kiln client in ${displayPath(ctx.cwd, outputDir)} (${Math.round(performance.now() - started)} ms).\n`);
}

/** `L1003 error`, `L2001 warning`, or `L1003 accepted` for data loss that --accept-data-loss lets through. */
export function findingLabel(finding: LintFinding, acceptDataLoss: boolean, ctx: CliContext): string {
  const { red, yellow, dim } = ctx.stderr.colors;
  if (finding.destructive && acceptDataLoss) return dim(`${finding.code} accepted`);
  return finding.severity === 'error' ? red(`${finding.code} error`) : yellow(`${finding.code} warning`);
}

/**
 * Prints each lint finding on stderr and sorts out what stops the command: `losses` (destructive;
 * stop unless --accept-data-loss) and `failures` (errors that are not data loss: the change would
 * fail on the rows the database holds).
 */
export function reportFindings(ctx: CliContext, findings: readonly LintFinding[], acceptDataLoss: boolean): { losses: LintFinding[]; failures: LintFinding[] } {
  for (const f of findings) ctx.stderr.write(`${findingLabel(f, acceptDataLoss, ctx)}: ${f.message}\n`);
  return { losses: findings.filter((f) => f.destructive), failures: findings.filter((f) => f.severity === 'error' && !f.destructive) };
}
