import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { SCHEMA_LOCATIONS } from '../schema-discovery.js';
import { envLine, isProvider, PROVIDER_NAMES, starterSchema, type Provider } from './init-template.js';

export interface InitOptions {
  provider: string;
}

const DATABASE_URL_SET = /^\s*(?:export\s+)?DATABASE_URL\s*=/m;

/**
 * Writes a starter `schema.schema` and a `.env` holding DATABASE_URL. Never overwrites: an
 * existing schema stops it, and an existing `.env` is only appended to.
 */
export function initCommand(options: InitOptions, ctx: CliContext): number {
  // commander validates --provider against the same list; this guards in-process callers.
  if (!isProvider(options.provider)) {
    throw new UserError(`Unknown provider "${options.provider}". Use one of: ${PROVIDER_NAMES.join(', ')}.`);
  }
  const provider: Provider = options.provider;

  // Any schema kiln would pick up blocks init: a new ./schema.schema would silently shadow a
  // db/schema.schema or prisma/schema.prisma, as it comes first in discovery.
  const existing = SCHEMA_LOCATIONS.find((l) => existsSync(resolve(ctx.cwd, l)));
  if (existing !== undefined) {
    throw new UserError(
      existing === 'schema.schema'
        ? 'schema.schema already exists here, so `kiln init` left it alone.\n' +
            'Edit it directly, or move it away and run `kiln init` again to start over.'
        : `A schema already exists at ./${existing}, so \`kiln init\` did not create another one.\n` +
            'kiln uses that schema; edit it directly, or move it away and run `kiln init` again.',
    );
  }

  const schemaPath = resolve(ctx.cwd, 'schema.schema');
  writeFileSync(schemaPath, starterSchema(provider), { flag: 'wx' });

  const envPath = resolve(ctx.cwd, '.env');
  let envNote: string;
  if (!existsSync(envPath)) {
    writeFileSync(envPath, envLine(provider), { flag: 'wx' });
    envNote = 'Created .env with DATABASE_URL.';
  } else {
    const current = readFileSync(envPath, 'utf8');
    if (DATABASE_URL_SET.test(current)) {
      envNote = '.env already sets DATABASE_URL; left it unchanged. Check that it points at a ' + provider + ' database.';
    } else {
      const separator = current === '' || current.endsWith('\n') ? '' : '\n';
      writeFileSync(envPath, `${current}${separator}${envLine(provider)}`);
      envNote = 'Added DATABASE_URL to the existing .env.';
    }
  }

  const { bold, green } = ctx.stdout.colors;
  ctx.stdout.write(
    [
      `${green('Created')} schema.schema (provider: ${provider}).`,
      envNote,
      '',
      'Next steps:',
      `  1. Point DATABASE_URL in ${bold('.env')} at your database.`,
      `  2. Describe your models in ${bold('schema.schema')}.`,
      `  3. Run ${bold('kiln validate')} to check the schema.`,
      '',
    ].join('\n'),
  );
  return 0;
}
