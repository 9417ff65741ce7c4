import {
  add,
  as,
  assign,
  col,
  DEFAULT,
  eq,
  excluded,
  fn,
  insertInto,
  MysqlDialect,
  onConflictDoNothing,
  onConflictDoUpdate,
  param,
  schemaTable,
  select,
  SqliteDialect,
  table,
} from '../src/index.js';
import { expectCompileError, expectSql, mariadb, mysql, postgres, sqlite } from './helpers.js';

describe('INSERT', () => {
  test('one row', () => {
    const node = insertInto(table('User'), { columns: ['email', 'name'], rows: [[param('a@x.io'), param('Ann')]] });
    expectSql(node, {
      sqlite: 'INSERT INTO "User" ("email", "name") VALUES (?, ?)',
      postgres: 'INSERT INTO "User" ("email", "name") VALUES ($1, $2)',
      mysql: 'INSERT INTO `User` (`email`, `name`) VALUES (?, ?)',
      parameters: ['a@x.io', 'Ann'],
    });
  });

  test('several rows', () => {
    const node = insertInto(table('Tag'), {
      columns: ['name', 'weight'],
      rows: [
        [param('a'), param(1)],
        [param('b'), param(2)],
        [param('c'), param(3)],
      ],
    });
    expectSql(node, {
      sqlite: 'INSERT INTO "Tag" ("name", "weight") VALUES (?, ?), (?, ?), (?, ?)',
      postgres: 'INSERT INTO "Tag" ("name", "weight") VALUES ($1, $2), ($3, $4), ($5, $6)',
      mysql: 'INSERT INTO `Tag` (`name`, `weight`) VALUES (?, ?), (?, ?), (?, ?)',
      parameters: ['a', 1, 'b', 2, 'c', 3],
    });
  });

  test('RETURNING: postgres and sqlite; MySQL refuses, MariaDB (or returning: true) accepts', () => {
    const node = insertInto(table('User'), { columns: ['email'], rows: [[param('a@x.io')]], returning: [col('id'), as(col('email'), 'e')] });
    expect(sqlite.compile(node).sql).toBe('INSERT INTO "User" ("email") VALUES (?) RETURNING "id", "email" AS "e"');
    expect(postgres.compile(node).sql).toBe('INSERT INTO "User" ("email") VALUES ($1) RETURNING "id", "email" AS "e"');
    expectCompileError(mysql, node, 'UNSUPPORTED');
    expect(mariadb.compile(node).sql).toBe('INSERT INTO `User` (`email`) VALUES (?) RETURNING `id`, `email` AS `e`');
    expect(new MysqlDialect({ returning: true }).compile(node).sql).toBe(
      'INSERT INTO `User` (`email`) VALUES (?) RETURNING `id`, `email` AS `e`',
    );
    expectCompileError(new SqliteDialect({ returning: false }), node, 'UNSUPPORTED');
  });

  test('all defaults', () => {
    expectSql(insertInto(table('Counter')), {
      sqlite: 'INSERT INTO "Counter" DEFAULT VALUES',
      postgres: 'INSERT INTO "Counter" DEFAULT VALUES',
      mysql: 'INSERT INTO `Counter` () VALUES ()',
    });
    expect(postgres.compile(insertInto(table('Counter'), { returning: [col('id')] })).sql).toBe(
      'INSERT INTO "Counter" DEFAULT VALUES RETURNING "id"',
    );
    const three = insertInto(table('Counter'), { rows: [[], [], []] });
    expect(mysql.compile(three).sql).toBe('INSERT INTO `Counter` () VALUES (), (), ()');
    expectCompileError(sqlite, three, 'UNSUPPORTED');
    expectCompileError(postgres, three, 'UNSUPPORTED');
  });

  test('DEFAULT inside VALUES: postgres and mysql, not sqlite', () => {
    const node = insertInto(table('Post'), {
      columns: ['title', 'views'],
      rows: [
        [param('a'), DEFAULT],
        [param('b'), param(5)],
      ],
    });
    expect(postgres.compile(node)).toEqual({ sql: 'INSERT INTO "Post" ("title", "views") VALUES ($1, DEFAULT), ($2, $3)', parameters: ['a', 'b', 5] });
    expect(mysql.compile(node)).toEqual({ sql: 'INSERT INTO `Post` (`title`, `views`) VALUES (?, DEFAULT), (?, ?)', parameters: ['a', 'b', 5] });
    expectCompileError(sqlite, node, 'UNSUPPORTED');
  });

  test('skipDuplicates: ON CONFLICT DO NOTHING vs INSERT IGNORE', () => {
    const node = insertInto(table('Tag'), {
      columns: ['name'],
      rows: [[param('a')], [param('b')]],
      onConflict: onConflictDoNothing(),
    });
    expectSql(node, {
      sqlite: 'INSERT INTO "Tag" ("name") VALUES (?), (?) ON CONFLICT DO NOTHING',
      postgres: 'INSERT INTO "Tag" ("name") VALUES ($1), ($2) ON CONFLICT DO NOTHING',
      mysql: 'INSERT IGNORE INTO `Tag` (`name`) VALUES (?), (?)',
      parameters: ['a', 'b'],
    });
    const targeted = insertInto(table('Tag'), { columns: ['name'], rows: [[param('a')]], onConflict: onConflictDoNothing(['name']) });
    expectSql(targeted, {
      sqlite: 'INSERT INTO "Tag" ("name") VALUES (?) ON CONFLICT ("name") DO NOTHING',
      postgres: 'INSERT INTO "Tag" ("name") VALUES ($1) ON CONFLICT ("name") DO NOTHING',
      mysql: 'INSERT IGNORE INTO `Tag` (`name`) VALUES (?)',
      parameters: ['a'],
    });
  });

  test('upsert: ON CONFLICT DO UPDATE vs ON DUPLICATE KEY UPDATE; the existing row is named by the table', () => {
    const node = insertInto(table('Stat'), {
      columns: ['key', 'hits', 'label'],
      rows: [[param('home'), param(1), param('Home')]],
      onConflict: onConflictDoUpdate(['key'], { hits: add(col('Stat', 'hits'), param(1)), label: excluded('label') }),
    });
    expectSql(node, {
      sqlite:
        'INSERT INTO "Stat" ("key", "hits", "label") VALUES (?, ?, ?) ON CONFLICT ("key") DO UPDATE SET "hits" = "Stat"."hits" + ?, "label" = excluded."label"',
      postgres:
        'INSERT INTO "Stat" ("key", "hits", "label") VALUES ($1, $2, $3) ON CONFLICT ("key") DO UPDATE SET "hits" = "Stat"."hits" + $4, "label" = excluded."label"',
      mysql:
        'INSERT INTO `Stat` (`key`, `hits`, `label`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `hits` = `Stat`.`hits` + ?, `label` = VALUES(`label`)',
      parameters: ['home', 1, 'Home', 1],
    });
  });

  test('upsert with WHERE and RETURNING (not expressible on mysql)', () => {
    const node = insertInto(table('Stat'), {
      columns: ['key', 'hits'],
      rows: [[param('home'), param(1)]],
      onConflict: onConflictDoUpdate(['key'], { hits: excluded('hits') }, eq(col('Stat', 'locked'), param(false))),
      returning: [col('hits')],
    });
    expect(sqlite.compile(node)).toEqual({
      sql: 'INSERT INTO "Stat" ("key", "hits") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "hits" = excluded."hits" WHERE "Stat"."locked" = ? RETURNING "hits"',
      parameters: ['home', 1, false],
    });
    expect(postgres.compile(node)).toEqual({
      sql: 'INSERT INTO "Stat" ("key", "hits") VALUES ($1, $2) ON CONFLICT ("key") DO UPDATE SET "hits" = excluded."hits" WHERE "Stat"."locked" = $3 RETURNING "hits"',
      parameters: ['home', 1, false],
    });
    expectCompileError(mariadb, node, 'UNSUPPORTED');
  });

  test('upsert on a compound key with hostile names, returning the row (MySQL 8.0 has no RETURNING; MariaDB has)', () => {
    const T = 'we"ird `t` ü';
    const node = insertInto(table(T), {
      columns: ['org', 'e-mail x', 'n`'],
      rows: [[param('acme'), param('a@x.io'), param(1)]],
      onConflict: onConflictDoUpdate(['org', 'e-mail x'], { 'n`': add(col(T, 'n`'), param(2)) }),
      returning: [col('id'), col('n`')],
    });
    expect(sqlite.compile(node)).toEqual({
      sql: 'INSERT INTO "we""ird `t` ü" ("org", "e-mail x", "n`") VALUES (?, ?, ?) ON CONFLICT ("org", "e-mail x") DO UPDATE SET "n`" = "we""ird `t` ü"."n`" + ? RETURNING "id", "n`"',
      parameters: ['acme', 'a@x.io', 1, 2],
    });
    expect(postgres.compile(node)).toEqual({
      sql: 'INSERT INTO "we""ird `t` ü" ("org", "e-mail x", "n`") VALUES ($1, $2, $3) ON CONFLICT ("org", "e-mail x") DO UPDATE SET "n`" = "we""ird `t` ü"."n`" + $4 RETURNING "id", "n`"',
      parameters: ['acme', 'a@x.io', 1, 2],
    });
    expectCompileError(mysql, node, 'UNSUPPORTED');
    expect(mariadb.compile(node)).toEqual({
      sql: 'INSERT INTO `we"ird ``t`` ü` (`org`, `e-mail x`, `n```) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `n``` = `we"ird ``t`` ü`.`n``` + ? RETURNING `id`, `n```',
      parameters: ['acme', 'a@x.io', 1, 2],
    });
  });

  test('an upsert that leaves the existing row as it is assigns a key column its own value', () => {
    const node = insertInto(schemaTable('app', 'User'), {
      columns: ['email'],
      rows: [[param('a@x.io')]],
      onConflict: onConflictDoUpdate(['email'], { email: col('User', 'email') }),
    });
    expectSql(node, {
      sqlite: 'INSERT INTO "app"."User" ("email") VALUES (?) ON CONFLICT ("email") DO UPDATE SET "email" = "User"."email"',
      postgres: 'INSERT INTO "app"."User" ("email") VALUES ($1) ON CONFLICT ("email") DO UPDATE SET "email" = "User"."email"',
      mysql: 'INSERT INTO `app`.`User` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = `User`.`email`',
      parameters: ['a@x.io'],
    });
  });

  test('MySQL without RETURNING: LAST_INSERT_ID(id) in the update list reports the key of the updated row', () => {
    const node = insertInto(table('Tag'), {
      columns: ['name'],
      rows: [[param('orm')]],
      onConflict: onConflictDoUpdate(['name'], [assign('id', fn('LAST_INSERT_ID', col('Tag', 'id'))), assign('name', param('ORM'))]),
    });
    expect(mysql.compile(node)).toEqual({
      sql: 'INSERT INTO `Tag` (`name`) VALUES (?) ON DUPLICATE KEY UPDATE `id` = LAST_INSERT_ID(`Tag`.`id`), `name` = ?',
      parameters: ['orm', 'ORM'],
    });
  });

  test('DO UPDATE needs a conflict target on postgres; sqlite (3.35+) takes any unique key; mysql always does', () => {
    const node = insertInto(table('Stat'), { columns: ['key'], rows: [[param('home')]], onConflict: onConflictDoUpdate(undefined, { key: excluded('key') }) });
    expectCompileError(postgres, node, 'INVALID');
    expect(sqlite.compile(node).sql).toBe('INSERT INTO "Stat" ("key") VALUES (?) ON CONFLICT DO UPDATE SET "key" = excluded."key"');
    expect(mysql.compile(node).sql).toBe('INSERT INTO `Stat` (`key`) VALUES (?) ON DUPLICATE KEY UPDATE `key` = VALUES(`key`)');
    expect(() => onConflictDoUpdate(['key'], {})).toThrow(TypeError);
  });

  test('INSERT .. SELECT; sqlite needs a WHERE before ON CONFLICT', () => {
    const source = select({ columns: [col('name')], from: table('Staging') });
    expectSql(insertInto(table('Tag'), { columns: ['name'], select: source }), {
      sqlite: 'INSERT INTO "Tag" ("name") SELECT "name" FROM "Staging"',
      postgres: 'INSERT INTO "Tag" ("name") SELECT "name" FROM "Staging"',
      mysql: 'INSERT INTO `Tag` (`name`) SELECT `name` FROM `Staging`',
    });
    expectSql(insertInto(table('Tag'), { columns: ['name'], select: source, onConflict: onConflictDoNothing(['name']) }), {
      sqlite: 'INSERT INTO "Tag" ("name") SELECT "name" FROM "Staging" WHERE 1 ON CONFLICT ("name") DO NOTHING',
      postgres: 'INSERT INTO "Tag" ("name") SELECT "name" FROM "Staging" ON CONFLICT ("name") DO NOTHING',
      mysql: 'INSERT IGNORE INTO `Tag` (`name`) SELECT `name` FROM `Staging`',
    });
  });

  test('malformed inserts are refused', () => {
    expect(() => insertInto(table('T'), { columns: ['a', 'b'], rows: [[param(1)]] })).toThrow(TypeError);
    expectCompileError(postgres, insertInto(table('T', 't'), { columns: ['a'], rows: [[param(1)]] }), 'INVALID');
    expectCompileError(postgres, insertInto(table('T'), { columns: ['a'], rows: [] }), 'INVALID');
  });
});
