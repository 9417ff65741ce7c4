import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '../context.js';
import { isFsError, UserError } from '../errors.js';
import { loadEnvFiles } from '../load-env.js';
import { loadSchemaContextIfAny, type SchemaContext } from './migrate-support.js';

export interface DbSeedOptions {
  schema?: string;
  url?: string;
  command?: string;
}

/** The seed command: `--command`, else package.json's `"kiln": { "seed": "..." }` in the working directory; null when neither. */
export function seedCommandOf(ctx: CliContext, explicit: string | undefined): string | null {
  if (explicit !== undefined) {
    if (explicit.trim() === '') throw new UserError('--command is empty; give the command that seeds the database, e.g. --command "node seed.js".');
    return explicit;
  }
  const path = join(ctx.cwd, 'package.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (isFsError(err) && err.code === 'ENOENT') return null;
    throw err;
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (err) {
    throw new UserError(`Could not read ${path}: ${(err as Error).message}`);
  }
  const seed = (pkg as { kiln?: { seed?: unknown } } | null)?.kiln?.seed;
  if (seed === undefined) return null;
  if (typeof seed !== 'string' || seed.trim() === '') throw new UserError(`"kiln.seed" in ${path} must be a command (a non-empty string), e.g. "node prisma/seed.js".`);
  return seed;
}

/**
 * Runs the seed command in a shell, in the working directory, with the environment plus the
 * .env files beside the schema and in the working directory (a variable already set wins).
 * With `url`, the datasource's variable (DATABASE_URL unless it reads another) is set to it.
 * Its output goes to kiln's stdout and stderr. Throws a UserError when it fails.
 */
export async function runSeed(ctx: CliContext, command: string, schema: SchemaContext | null, url: string | undefined): Promise<void> {
  const { env } = loadEnvFiles(schema === null ? [ctx.cwd] : [schema.dir, ctx.cwd], ctx.env);
  if (url !== undefined) {
    const name = schema?.datasource.url?.kind === 'env' ? schema.datasource.url.name : 'DATABASE_URL';
    env[name] = url;
  }
  ctx.stderr.write(ctx.stderr.colors.dim(`Running the seed command: ${command}\n`));
  const code = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(command, { cwd: ctx.cwd, env, shell: true, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => ctx.stdout.write(d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => ctx.stderr.write(d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve(signal ?? status ?? 1));
  });
  if (code !== 0) {
    throw new UserError(`The seed command \`${command}\` ${typeof code === 'string' ? `was killed by ${code}` : `exited with code ${code}`}. Fix it and run \`kiln db seed\` again.`);
  }
}

/** `kiln db seed`: runs the project's seed command. */
export async function dbSeedCommand(options: DbSeedOptions, ctx: CliContext): Promise<number> {
  const command = seedCommandOf(ctx, options.command);
  if (command === null) {
    throw new UserError(
      `There is no seed command. Add one to ${join(ctx.cwd, 'package.json')}:\n  "kiln": { "seed": "node seed.js" }\nor pass --command "<command>".`,
    );
  }
  await runSeed(ctx, command, loadSchemaContextIfAny(ctx, options.schema, 'seed the database'), options.url);
  ctx.stdout.write(`${ctx.stdout.colors.green('Seeded')} the database with \`${command}\`.\n`);
  return 0;
}

