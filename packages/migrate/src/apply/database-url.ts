import { isAbsolute, resolve } from 'node:path';
import type { Provider } from '@kiln/schema';

/** Where to connect, read from a datasource URL. */
export type ConnectionTarget =
  | { provider: 'sqlite'; /** Absolute path of the database file. */ filename: string }
  | { provider: 'postgresql'; url: string; /** `?schema=` (Prisma's): the search_path, or null. */ schema: string | null }
  | { provider: 'mysql'; url: string; database: string };

/** A URL that is not a database URL, or not one for the schema's provider. The message never shows a password. */
export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

const KINDS: { prefix: RegExp; provider: Provider; label: string }[] = [
  { prefix: /^file:/i, provider: 'sqlite', label: 'a SQLite file: URL' },
  { prefix: /^postgres(ql)?:\/\//i, provider: 'postgresql', label: 'a PostgreSQL URL' },
  { prefix: /^(mysql|mariadb):\/\//i, provider: 'mysql', label: 'a MySQL URL' },
];

const EXPECTED = 'file:./dev.db (SQLite), postgresql://user:password@host:5432/database or mysql://user:password@host:3306/database';

export interface ParseUrlOptions {
  /** The datasource's provider: a URL of another kind is an error. */
  provider?: Provider;
  /** What a relative `file:` path is relative to (Prisma: the schema file's folder). */
  baseDir: string;
}

/**
 * Reads `file:./dev.db`, `postgresql://` (or `postgres://`) and `mysql://` (or `mariadb://`)
 * URLs. A `file:` path may be relative (to `baseDir`) and may carry `?options`, which are
 * ignored; PostgreSQL's `?schema=name` selects the schema as Prisma's does.
 */
export function parseDatabaseUrl(url: string, options: ParseUrlOptions): ConnectionTarget {
  const text = url.trim();
  const kind = KINDS.find((k) => k.prefix.test(text));
  if (kind === undefined) {
    throw new DatabaseUrlError(`The database URL "${redactUrl(text)}" is not one kiln can connect to. Expected ${EXPECTED}.`);
  }
  if (options.provider !== undefined && options.provider !== kind.provider) {
    throw new DatabaseUrlError(`The datasource provider is "${options.provider}", but the URL "${redactUrl(text)}" is ${kind.label}.`);
  }
  switch (kind.provider) {
    case 'sqlite': {
      let path = text.slice('file:'.length).replace(/[?#].*$/, '');
      if (path.startsWith('//')) path = decodeURIComponent(new URL(text).pathname);
      if (path === '') throw new DatabaseUrlError(`The SQLite URL "${text}" names no file; write e.g. file:./dev.db.`);
      return { provider: 'sqlite', filename: isAbsolute(path) ? path : resolve(options.baseDir, path) };
    }
    case 'postgresql': {
      const parsed = parseServerUrl(text);
      const schema = parsed.searchParams.get('schema');
      parsed.searchParams.delete('schema');
      return { provider: 'postgresql', url: parsed.toString(), schema: schema === null || schema === '' ? null : schema };
    }
    case 'mysql': {
      const parsed = parseServerUrl(text);
      const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
      if (database === '') throw new DatabaseUrlError(`The MySQL URL "${redactUrl(text)}" names no database; add it after the host, e.g. mysql://root@localhost:3306/mydb.`);
      return { provider: 'mysql', url: text, database };
    }
  }
}

function parseServerUrl(text: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new DatabaseUrlError(`The database URL "${redactUrl(text)}" is not a valid URL. Expected ${EXPECTED}; special characters in the password must be percent-encoded.`);
  }
  if (parsed.hostname === '') throw new DatabaseUrlError(`The database URL "${redactUrl(text)}" names no host.`);
  return parsed;
}

/** The URL with its password replaced by `****`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1****@');
}

/** `host:port/database`, for messages. */
export function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return redactUrl(url);
  }
}
