import { DatabaseUrlError, parseDatabaseUrl, redactUrl } from '../src/index.js';

/* Datasource URLs: what kiln connects to, and the errors for what it cannot. */

const base = '/project/db';

describe('parseDatabaseUrl', () => {
  test('a SQLite file: URL is relative to the base folder, options ignored', () => {
    expect(parseDatabaseUrl('file:./dev.db', { baseDir: base })).toEqual({ provider: 'sqlite', filename: '/project/db/dev.db' });
    expect(parseDatabaseUrl('file:dev.db?connection_limit=1', { baseDir: base })).toEqual({ provider: 'sqlite', filename: '/project/db/dev.db' });
    expect(parseDatabaseUrl('file:/var/data/app.db', { baseDir: base })).toEqual({ provider: 'sqlite', filename: '/var/data/app.db' });
    expect(parseDatabaseUrl('file:///var/data/my%20app.db', { baseDir: base })).toEqual({ provider: 'sqlite', filename: '/var/data/my app.db' });
  });

  test('PostgreSQL URLs, either scheme; ?schema= becomes the search_path', () => {
    expect(parseDatabaseUrl('postgresql://u:p@localhost:5432/app', { baseDir: base })).toEqual({
      provider: 'postgresql',
      url: 'postgresql://u:p@localhost:5432/app',
      schema: null,
    });
    expect(parseDatabaseUrl('postgres://localhost/app?schema=tenant_1&sslmode=disable', { baseDir: base })).toEqual({
      provider: 'postgresql',
      url: 'postgres://localhost/app?sslmode=disable',
      schema: 'tenant_1',
    });
  });

  test('MySQL and MariaDB URLs need a database', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/shop', { baseDir: base })).toEqual({ provider: 'mysql', url: 'mysql://root@127.0.0.1:3306/shop', database: 'shop' });
    expect(parseDatabaseUrl('mariadb://root@db/shop', { baseDir: base, provider: 'mysql' })).toMatchObject({ provider: 'mysql', database: 'shop' });
    expect(() => parseDatabaseUrl('mysql://root:secret@127.0.0.1:3306', { baseDir: base })).toThrow(
      'The MySQL URL "mysql://root:****@127.0.0.1:3306" names no database; add it after the host, e.g. mysql://root@localhost:3306/mydb.',
    );
  });

  test('an unknown scheme, a malformed URL and a provider mismatch are clear errors that never show the password', () => {
    expect(() => parseDatabaseUrl('mongodb://localhost/x', { baseDir: base })).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl('mongodb://localhost/x', { baseDir: base })).toThrow(/is not one kiln can connect to\. Expected file:\.\/dev\.db \(SQLite\)/);
    expect(() => parseDatabaseUrl('postgresql://user:p@ss@word@:5432/x', { baseDir: base })).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl('postgresql://user:hunter2@[::1/x', { baseDir: base })).toThrow(/postgresql:\/\/user:\*\*\*\*@\[::1\/x" is not a valid URL/);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@localhost/x', { baseDir: base, provider: 'postgresql' })).toThrow(
      'The datasource provider is "postgresql", but the URL "mysql://root:****@localhost/x" is a MySQL URL.',
    );
    expect(() => parseDatabaseUrl('file:', { baseDir: base })).toThrow(/names no file/);
  });

  test('redactUrl hides the password only', () => {
    expect(redactUrl('postgresql://me:s3cr%40t@host:5432/db?x=1')).toBe('postgresql://me:****@host:5432/db?x=1');
    expect(redactUrl('postgresql://me@host/db')).toBe('postgresql://me@host/db');
    expect(redactUrl('file:./dev.db')).toBe('file:./dev.db');
  });
});
