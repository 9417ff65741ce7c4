import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readSchemaSources, type SchemaSource } from '@kiln/schema';
import { isFsError, UserError } from './errors.js';

/** Where kiln looks for a schema when `--schema` is not given, first match wins. */
export const SCHEMA_LOCATIONS = ['schema.schema', 'db/schema.schema', 'prisma/schema.prisma'] as const;

export interface SchemaLocation {
  /** Absolute path of the schema file or folder. */
  absolute: string;
  /** The path as shown to the user: relative to the working directory when inside it. */
  display: string;
  isFolder: boolean;
}

export interface LoadedSchema extends SchemaLocation {
  /** One entry per file; paths are display paths, as used in diagnostics. */
  sources: SchemaSource[];
}

export function displayPath(cwd: string, absolute: string): string {
  const r = relative(cwd, absolute);
  if (r === '') return '.';
  return r.startsWith('..') ? absolute : r;
}

/** Resolves `--schema`, or searches the default locations. Throws UserError when nothing is found. */
export function findSchema(cwd: string, explicit?: string): SchemaLocation {
  if (explicit !== undefined) {
    const absolute = resolve(cwd, explicit);
    if (!existsSync(absolute)) {
      throw new UserError(`No schema at "${explicit}": that path does not exist.`);
    }
    return { absolute, display: displayPath(cwd, absolute), isFolder: statSync(absolute).isDirectory() };
  }
  for (const candidate of SCHEMA_LOCATIONS) {
    const absolute = resolve(cwd, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) {
      return { absolute, display: displayPath(cwd, absolute), isFolder: false };
    }
  }
  throw new UserError(
    [
      'Could not find a schema. Looked for:',
      ...SCHEMA_LOCATIONS.map((l) => `  ./${l}`),
      'Run `kiln init` to create one, or pass `--schema <path>` to point at a schema file or folder.',
    ].join('\n'),
  );
}

/** Finds the schema and reads every file of it. */
export function loadSchema(cwd: string, explicit?: string): LoadedSchema {
  const location = findSchema(cwd, explicit);
  let sources: SchemaSource[];
  try {
    sources = readSchemaSources(location.absolute, cwd);
  } catch (err) {
    if (isFsError(err)) throw new UserError(`Could not read the schema at "${location.display}": ${err.message}`);
    throw err;
  }
  if (sources.length === 0) {
    throw new UserError(`The folder "${location.display}" contains no .schema or .prisma files.`);
  }
  return { ...location, sources };
}

/** "schema.schema" for a file, "db/ (2 files)" for a folder. */
export function describeSchema(schema: LoadedSchema): string {
  if (!schema.isFolder) return schema.display;
  const n = schema.sources.length;
  return `${schema.display} (${n} file${n === 1 ? '' : 's'})`;
}
