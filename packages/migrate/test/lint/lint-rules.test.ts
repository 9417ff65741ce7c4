import type { Provider } from '@kiln/schema';
import { LintRules, type Change, type LintFinding } from '../../src/index.js';
import { alterColumn, col, counts, createTable, enumCol, enumType, id, index, lint, name, schemaTable } from './builders.js';

/*
 * One test per code, each with a hand-built change that the rule must flag (so removing the rule
 * fails it), and beside it what the rule must leave alone. Every finding's message names the
 * table and the column.
 */

const seen = new Set<string>();

/** Lints, records the codes for the coverage test at the end, and returns the findings. */
async function run(changes: Change[], provider: Provider, rows?: Record<string, number>): Promise<LintFinding[]> {
  const findings = await lint(changes, provider, rows === undefined ? undefined : counts(rows).rowCount);
  for (const f of findings) seen.add(f.code);
  return findings;
}

async function only(changes: Change[], provider: Provider, rows?: Record<string, number>): Promise<LintFinding> {
  const findings = await run(changes, provider, rows);
  expect(findings.map((f) => f.code)).toHaveLength(1);
  return findings[0]!;
}

const codesOf = (findings: LintFinding[]) => findings.map((f) => f.code);

const user = schemaTable('User', [id(), col('email', 'String'), col('bio', 'String', { nullable: true })]);

describe('L1xxx: destructive', () => {
  test('L1001: dropping a table, with its row count when known', async () => {
    const change: Change = { kind: 'dropTable', table: user };
    const f = await only([change], 'postgresql');
    expect(f).toEqual({
      code: 'L1001',
      severity: 'error',
      destructive: true,
      message: 'Dropping table "User" deletes every row it holds.',
      change,
    });
    expect((await only([change], 'sqlite', { User: 1234 })).message).toBe('Dropping table "User" deletes its 1,234 rows.');
    // An empty table loses nothing.
    expect(await run([change], 'mysql', { User: 0 })).toEqual([]);
  });

  test('L1002: dropping the join table of an implicit many-to-many relation', async () => {
    const join = schemaTable('_PostToTag', [col('A', 'Int'), col('B', 'Int')], { joinTable: 'PostToTag' });
    const f = await only([{ kind: 'dropTable', table: join }], 'postgresql');
    expect(f.code).toBe('L1002');
    expect(f.destructive).toBe(true);
    expect(f.message).toBe('Dropping join table "_PostToTag" of the many-to-many relation "PostToTag" deletes every link it holds.');
  });

  test('L1003: dropping a column', async () => {
    const f = await only([{ kind: 'dropColumn', table: name('User'), column: col('bio', 'String') }], 'mysql', { User: 2 });
    expect(f).toMatchObject({ code: 'L1003', severity: 'error', destructive: true });
    expect(f.message).toBe('Dropping column "bio" of table "User" deletes its values (2 rows).');
    // A schema-qualified table is named with its schema.
    const g = await only([{ kind: 'dropColumn', table: name('User', 'auth'), column: col('bio', 'String') }], 'postgresql');
    expect(g.message).toBe('Dropping column "bio" of table "auth"."User" deletes its values.');
  });

  test('L1004: a SQLite table rebuild that leaves a column behind', async () => {
    const to = schemaTable('User', [id(), col('email', 'String')]);
    const change: Change = {
      kind: 'redefineTable',
      from: user,
      to,
      copy: [
        { column: 'id', from: 'id' },
        { column: 'email', from: 'email' },
      ],
      triggers: [],
      referencedBy: [],
    };
    const f = await only([change], 'sqlite');
    expect(f).toMatchObject({ code: 'L1004', severity: 'error', destructive: true, change });
    expect(f.message).toBe('Rebuilding table "User" drops column "bio" and its values.');
  });

  describe('L1005: narrowing a type', () => {
    const narrowing: [string, Provider, ReturnType<typeof col>, ReturnType<typeof col>, string][] = [
      ['a shorter VARCHAR', 'postgresql', col('name', 'String', { native: 'VarChar', args: ['255'] }), col('name', 'String', { native: 'VarChar', args: ['50'] }), 'from VARCHAR(255) to VARCHAR(50) narrows it: values longer than 50 characters do not fit'],
      ['a shorter CHAR', 'mysql', col('code', 'String', { native: 'Char', args: ['10'] }), col('code', 'String', { native: 'Char', args: ['2'] }), 'values longer than 2 characters'],
      ['TEXT to VARCHAR', 'postgresql', col('name', 'String'), col('name', 'String', { native: 'VarChar', args: ['100'] }), 'from TEXT to VARCHAR(100)'],
      ['MySQL String (VARCHAR(191)) to VARCHAR(100)', 'mysql', col('name', 'String'), col('name', 'String', { native: 'VarChar', args: ['100'] }), 'from VARCHAR(191) to VARCHAR(100)'],
      ['MySQL TEXT to the default VARCHAR(191)', 'mysql', col('name', 'String', { native: 'Text' }), col('name', 'String'), 'from TEXT to VARCHAR(191)'],
      ['a smaller integer', 'postgresql', col('n', 'Int'), col('n', 'Int', { native: 'SmallInt' }), 'from INTEGER to SMALLINT narrows it: values above 32767 and values below -32768 do not fit'],
      ['BIGINT to INT', 'mysql', col('n', 'BigInt'), col('n', 'BigInt', { native: 'Int' }), 'values above 2147483647'],
      ['signed to unsigned', 'mysql', col('n', 'Int'), col('n', 'Int', { native: 'UnsignedInt' }), 'negative values do not fit'],
      ['less DECIMAL precision', 'postgresql', col('price', 'Decimal', { native: 'Decimal', args: ['10', '2'] }), col('price', 'Decimal', { native: 'Decimal', args: ['8', '2'] }), 'values with more than 6 digits before the decimal point do not fit'],
      ['a smaller DECIMAL scale', 'mysql', col('price', 'Decimal', { native: 'Decimal', args: ['10', '2'] }), col('price', 'Decimal', { native: 'Decimal', args: ['10', '1'] }), 'digits after the 1st decimal place are rounded away'],
      ['DOUBLE to REAL', 'postgresql', col('x', 'Float'), col('x', 'Float', { native: 'Real' }), 'single precision'],
      ['less timestamp precision', 'postgresql', col('at', 'DateTime'), col('at', 'DateTime', { native: 'Timestamp', args: ['0'] }), 'fractions of a second are rounded away'],
      ['DateTime to Date', 'postgresql', col('at', 'DateTime'), col('at', 'DateTime', { native: 'Date' }), 'the time of day is lost'],
      ['DATETIME to TIMESTAMP (MySQL)', 'mysql', col('at', 'DateTime', { native: 'DateTime', args: ['3'] }), col('at', 'DateTime', { native: 'Timestamp', args: ['3'] }), 'dates outside the years 1970–2038 do not fit'],
      ['a shorter VARBINARY', 'mysql', col('b', 'Bytes', { native: 'VarBinary', args: ['64'] }), col('b', 'Bytes', { native: 'VarBinary', args: ['16'] }), 'values longer than 16 bytes do not fit'],
    ];
    test.each(narrowing)('%s (%s)', async (_, provider, from, to, expected) => {
      const findings = await run([alterColumn('Item', from, to)], provider);
      const f = findings.find((x) => x.code === 'L1005');
      expect(f).toMatchObject({ severity: 'error', destructive: true });
      expect(f!.message).toContain(`Changing column "${to.name}" of table "Item" `);
      expect(f!.message).toContain(expected);
    });

    const widening: [string, Provider, ReturnType<typeof col>, ReturnType<typeof col>][] = [
      ['a longer VARCHAR', 'postgresql', col('s', 'String', { native: 'VarChar', args: ['50'] }), col('s', 'String', { native: 'VarChar', args: ['255'] })],
      ['VARCHAR to TEXT', 'postgresql', col('s', 'String', { native: 'VarChar', args: ['50'] }), col('s', 'String')],
      ['VARCHAR(191) to TEXT (MySQL)', 'mysql', col('s', 'String'), col('s', 'String', { native: 'Text' })],
      ['INT to BIGINT', 'postgresql', col('n', 'Int'), col('n', 'BigInt')],
      ['SMALLINT to INT', 'mysql', col('n', 'Int', { native: 'SmallInt' }), col('n', 'Int')],
      ['unsigned INT to BIGINT', 'mysql', col('n', 'Int', { native: 'UnsignedInt' }), col('n', 'BigInt')],
      ['more DECIMAL digits', 'postgresql', col('p', 'Decimal', { native: 'Decimal', args: ['10', '2'] }), col('p', 'Decimal', { native: 'Decimal', args: ['12', '4'] })],
      ['DECIMAL to unbounded NUMERIC', 'postgresql', col('p', 'Decimal', { native: 'Decimal', args: ['10', '2'] }), col('p', 'Decimal', { native: 'Decimal' })],
      ['REAL to DOUBLE', 'postgresql', col('x', 'Float', { native: 'Real' }), col('x', 'Float')],
      ['Date to DateTime', 'postgresql', col('d', 'DateTime', { native: 'Date' }), col('d', 'DateTime')],
      ['TIMESTAMP to DATETIME (MySQL)', 'mysql', col('d', 'DateTime', { native: 'Timestamp', args: ['3'] }), col('d', 'DateTime')],
      ['Int to BigInt and back on SQLite (both 8-byte INTEGER)', 'sqlite', col('n', 'BigInt'), col('n', 'Int')],
      ['JSON to JSONB', 'postgresql', col('j', 'Json', { native: 'Json' }), col('j', 'Json')],
    ];
    test.each(widening)('not: %s (%s)', async (_, provider, from, to) => {
      const findings = await run([alterColumn('Item', from, to)], provider);
      expect(codesOf(findings).filter((c) => c.startsWith('L1'))).toEqual([]);
    });

    test('only when the type changes: a default or nullability change alone is not a type change', async () => {
      const from = col('name', 'String', { native: 'VarChar', args: ['255'] });
      expect(await run([alterColumn('Item', from, { ...from, default: { kind: 'string', value: 'x' } }, ['default'])], 'postgresql')).toEqual([]);
    });

    test('not on an empty table', async () => {
      const change = alterColumn('Item', col('n', 'Int'), col('n', 'Int', { native: 'SmallInt' }));
      expect(await run([change], 'postgresql', { Item: 0 })).toEqual([]);
      expect(codesOf(await run([change], 'postgresql', { Item: 1 }))).toContain('L1005');
    });
  });

  describe('L1006: a change of type family that cannot convert every value', () => {
    const converting: [string, Provider, ReturnType<typeof col>, ReturnType<typeof col>, string][] = [
      ['String to Int', 'postgresql', col('age', 'String'), col('age', 'Int'), 'from TEXT to INTEGER converts every value: values that are not whole numbers do not convert'],
      ['String to Int on SQLite (a rebuild)', 'sqlite', col('age', 'String'), col('age', 'Int'), 'from TEXT to INTEGER'],
      ['Json to String on MySQL (VARCHAR(191))', 'mysql', col('data', 'Json'), col('data', 'String'), 'from JSON to VARCHAR(191) converts every value: values longer than 191 characters as text do not fit'],
      ['Float to Int', 'mysql', col('x', 'Float'), col('x', 'Int'), 'fractions are rounded away'],
      ['Decimal to Int', 'postgresql', col('x', 'Decimal'), col('x', 'Int'), 'fractions are rounded away, and large values do not fit'],
      ['BigInt to Float (doubles are exact up to 2^53)', 'postgresql', col('x', 'BigInt'), col('x', 'Float'), 'values above 2^53 are rounded'],
      ['String to DateTime', 'mysql', col('x', 'String'), col('x', 'DateTime'), 'values that are not dates or times do not convert'],
      ['String to Json', 'postgresql', col('x', 'String'), col('x', 'Json'), 'values that are not valid JSON do not convert'],
      ['String to Uuid', 'postgresql', col('x', 'String'), col('x', 'String', { native: 'Uuid' }), 'values that are not UUIDs do not convert'],
      ['a list to a scalar', 'postgresql', col('tags', 'String', { list: true, nullable: true }), col('tags', 'String', { nullable: true }), 'a list does not convert to a single value'],
      ['Int to a short VARCHAR', 'postgresql', col('n', 'Int'), col('n', 'String', { native: 'VarChar', args: ['5'] }), 'values longer than 5 characters as text do not fit'],
      ['Bytes to String', 'postgresql', col('b', 'Bytes'), col('b', 'String'), 'binary values are not text'],
      ['an Unsupported type', 'postgresql', col('v', 'String'), { ...col('v', 'String'), type: { kind: 'unsupported', sql: 'tsvector', list: false } }, 'Kiln cannot tell'],
    ];
    test.each(converting)('%s (%s)', async (_, provider, from, to, expected) => {
      const findings = await run([alterColumn('Item', from, to)], provider);
      const f = findings.find((x) => x.code === 'L1006');
      expect(f).toMatchObject({ severity: 'error', destructive: true });
      expect(f!.message).toContain(`Changing column "${to.name}" of table "Item" `);
      expect(f!.message).toContain(expected);
    });

    const keeping: [string, Provider, ReturnType<typeof col>, ReturnType<typeof col>][] = [
      ['Int to String', 'postgresql', col('n', 'Int'), col('n', 'String')],
      ['Int to String on MySQL (11 characters fit VARCHAR(191))', 'mysql', col('n', 'Int'), col('n', 'String')],
      ['Json to String on PostgreSQL (TEXT)', 'postgresql', col('j', 'Json'), col('j', 'String')],
      ['Boolean to Int', 'mysql', col('b', 'Boolean'), col('b', 'Int')],
      ['Int to Float', 'postgresql', col('n', 'Int'), col('n', 'Float')],
      ['Int to Decimal(65,30)', 'mysql', col('n', 'Int'), col('n', 'Decimal')],
      ['an enum to String', 'postgresql', enumCol('role', 'Role', ['USER', 'ADMIN']), col('role', 'String')],
      ['DateTime to String', 'mysql', col('at', 'DateTime'), col('at', 'String')],
      ['Uuid to VARCHAR(36)', 'postgresql', col('u', 'String', { native: 'Uuid' }), col('u', 'String', { native: 'VarChar', args: ['36'] })],
    ];
    test.each(keeping)('not: %s (%s)', async (_, provider, from, to) => {
      const findings = await run([alterColumn('Item', from, to)], provider);
      expect(codesOf(findings).filter((c) => c.startsWith('L1'))).toEqual([]);
    });
  });

  test('L1007: dropping an enum type', async () => {
    const f = await only([{ kind: 'dropEnum', enum: enumType('Role', ['USER', 'ADMIN']) }], 'postgresql');
    expect(f).toMatchObject({ code: 'L1007', severity: 'error', destructive: true });
    expect(f.message).toBe('Dropping enum "Role" deletes the type and its values "USER", "ADMIN".');
  });
});

describe('L2xxx: data-dependent', () => {
  const required = col('age', 'Int');
  const addAge: Change = { kind: 'addColumn', table: name('User'), column: required };

  test('L2001: a required column without a default: a warning without rowCount, an error when the table has rows', async () => {
    const warning = await only([addAge], 'mysql');
    expect(warning).toMatchObject({ code: 'L2001', severity: 'warning', destructive: false, change: addAge });
    expect(warning.message).toBe(
      'Adding required column "age" to table "User" without a default fails if the table has rows. Give it a default, or add it optional, fill it, then make it required.',
    );
    const error = await only([addAge], 'sqlite', { User: 3 });
    expect(error).toMatchObject({ code: 'L2001', severity: 'error' });
    expect(error.message).toContain('without a default fails: the table has 3 rows.');
    expect(await run([addAge], 'postgresql', { User: 0 })).toEqual([]);
  });

  test('L2001 is not raised for an optional column, one with a default, an autoincrement, or a new table', async () => {
    const add = (column: ReturnType<typeof col>): Change => ({ kind: 'addColumn', table: name('User'), column });
    expect(await run([add(col('age', 'Int', { nullable: true }))], 'mysql')).toEqual([]);
    expect(await run([add(col('age', 'Int', { default: { kind: 'number', value: '0' } }))], 'mysql')).toEqual([]);
    expect(await run([add(col('seq', 'Int', { autoincrement: true }))], 'mysql')).toEqual([]);
    expect(await run([add(col('at', 'DateTime', { default: { kind: 'now' } }))], 'postgresql')).toEqual([]);
    const t = schemaTable('User', [id()]);
    expect(await run([createTable(t), addAge], 'postgresql', {})).toEqual([]);
  });

  test('L2001 on a SQLite rebuild that adds a required column', async () => {
    const to = schemaTable('User', [...user.table.columns, required]);
    const change: Change = {
      kind: 'redefineTable',
      from: user,
      to,
      copy: [...user.table.columns.map((c) => ({ column: c.name, from: c.name })), { column: 'age', from: null }],
      triggers: [],
      referencedBy: [],
    };
    const f = await only([change], 'sqlite', { User: 5 });
    expect(f).toMatchObject({ code: 'L2001', severity: 'error', change });
  });

  test('L2002: making an existing column required', async () => {
    const from = col('bio', 'String', { nullable: true });
    const f = await only([alterColumn('User', from, { ...from, nullable: false }, ['nullability'])], 'mysql');
    expect(f).toMatchObject({ code: 'L2002', severity: 'warning', destructive: false });
    expect(f.message).toBe('Making column "bio" of table "User" required fails if a row holds NULL in it.');
    // Making it optional is always fine.
    expect(await run([alterColumn('User', { ...from, nullable: false }, from, ['nullability'])], 'mysql')).toEqual([]);
  });

  test('L2003: a unique index or primary key on existing columns', async () => {
    const unique: Change = { kind: 'createIndex', table: name('User'), index: index('User_email_key', ['email'], 'unique') };
    const f = await only([unique], 'mysql');
    expect(f).toMatchObject({ code: 'L2003', severity: 'warning', destructive: false });
    expect(f.message).toBe('Adding unique index "User_email_key" on column "email" of table "User" fails if existing rows hold duplicate values.');
    const pk: Change = { kind: 'addPrimaryKey', table: name('User'), primaryKey: { name: 'User_pkey', columns: index('', ['a', 'b']).columns } };
    expect((await only([pk], 'mysql')).message).toBe(
      'Adding primary key "User_pkey" on columns "a", "b" of table "User" fails if existing rows hold duplicate or NULL values.',
    );
    // One row cannot be a duplicate.
    expect(await run([unique], 'mysql', { User: 1 })).toEqual([]);
    expect(codesOf(await run([unique], 'mysql', { User: 2 }))).toEqual(['L2003']);
  });

  test('L2003 is not raised for a plain index, an index on a new table, or over a new optional column', async () => {
    expect(await run([{ kind: 'createIndex', table: name('User'), index: index('User_email_idx', ['email']) }], 'mysql')).toEqual([]);
    const t = schemaTable('Team', [id(), col('slug', 'String')]);
    expect(await run([createTable(t), { kind: 'createIndex', table: name('Team'), index: index('Team_slug_key', ['slug'], 'unique') }], 'postgresql')).toEqual([]);
    const handle = col('handle', 'String', { nullable: true });
    expect(
      await run(
        [
          { kind: 'addColumn', table: name('User'), column: handle },
          { kind: 'createIndex', table: name('User'), index: index('User_handle_key', ['handle'], 'unique') },
        ],
        'mysql',
      ),
    ).toEqual([]);
    // A new column with a default gives every old row the same value: flagged.
    const withDefault = col('handle', 'String', { default: { kind: 'string', value: 'x' } });
    expect(
      codesOf(
        await run(
          [
            { kind: 'addColumn', table: name('User'), column: withDefault },
            { kind: 'createIndex', table: name('User'), index: index('User_handle_key', ['handle'], 'unique') },
          ],
          'mysql',
        ),
      ),
    ).toEqual(['L2003']);
  });

  test('L2003 on a SQLite rebuild: a new unique index, unless an old unique key covers it', async () => {
    const rebuild = (indexes: ReturnType<typeof index>[], before: ReturnType<typeof index>[] = []): Change => ({
      kind: 'redefineTable',
      from: { ...user, indexes: before },
      to: { ...user, indexes },
      copy: user.table.columns.map((c) => ({ column: c.name, from: c.name })),
      triggers: [],
      referencedBy: [],
    });
    expect(codesOf(await run([rebuild([index('User_email_key', ['email'], 'unique')])], 'sqlite'))).toEqual(['L2003']);
    expect(await run([rebuild([index('User_email_bio_key', ['email', 'bio'], 'unique')], [index('User_email_key', ['email'], 'unique')])], 'sqlite')).toEqual([]);
    // The old primary key (id) covers a unique key on (id, email).
    expect(await run([rebuild([index('User_id_email_key', ['id', 'email'], 'unique')])], 'sqlite')).toEqual([]);
  });

  test('L2004: a foreign key on an existing table', async () => {
    const fk: Change = {
      kind: 'addForeignKey',
      table: name('Post'),
      foreignKey: { name: 'Post_authorId_fkey', columns: ['authorId'], referencedTable: name('User'), referencedColumns: ['id'], onDelete: 'Cascade', onUpdate: 'Cascade' },
    };
    const f = (await run([fk], 'mysql'))[0]!;
    expect(f).toMatchObject({ code: 'L2004', severity: 'warning', destructive: false });
    expect(f.message).toBe('Adding foreign key "Post_authorId_fkey" on column "authorId" of table "Post" fails if a row refers to a row of "User" that does not exist.');
    // Not on a table created in the same migration, nor over a new optional column (NULL refers to nothing).
    expect(await run([createTable(schemaTable('Post', [id(), col('authorId', 'Int')])), fk], 'postgresql')).toEqual([]);
    expect(await run([{ kind: 'addColumn', table: name('Post'), column: col('authorId', 'Int', { nullable: true }) }, fk], 'mysql')).toEqual([]);
    expect(await run([fk], 'mysql', { Post: 0 })).toEqual([]);
  });

  test('L2005: a check on an existing table', async () => {
    const check: Change = { kind: 'addCheck', table: name('User'), check: { name: 'age_positive', expression: 'age > 0' } };
    const f = (await run([check], 'mysql'))[0]!;
    expect(f).toMatchObject({ code: 'L2005', severity: 'warning', destructive: false });
    expect(f.message).toBe('Adding check "age_positive" to table "User" fails if an existing row violates it: age > 0.');
    expect(await run([createTable(user), check], 'mysql')).toEqual([]);
  });
});

describe('L3xxx: blocking on PostgreSQL', () => {
  const createIndex: Change = { kind: 'createIndex', table: name('Post'), index: index('Post_authorId_idx', ['authorId']) };

  test('L3001: CREATE INDEX on an existing table', async () => {
    const f = await only([createIndex], 'postgresql');
    expect(f).toMatchObject({ code: 'L3001', severity: 'warning', destructive: false, change: createIndex });
    expect(f.message).toBe(
      'Creating index "Post_authorId_idx" on column "authorId" of table "Post" blocks writes to the table until it is built (PostgreSQL). Build it CONCURRENTLY in a migration of its own.',
    );
    // Only on PostgreSQL, only on existing tables with rows.
    expect(await run([createIndex], 'mysql')).toEqual([]);
    expect(await run([createIndex], 'sqlite')).toEqual([]);
    expect(await run([createIndex], 'postgresql', { Post: 0 })).toEqual([]);
  });

  test('L3001 is not raised for an index on a table of the same migration, even a renamed one', async () => {
    const post = schemaTable('Post', [id(), col('authorId', 'Int')]);
    expect(await run([createTable(post), createIndex], 'postgresql')).toEqual([]);
    const onRenamed: Change = { kind: 'createIndex', table: name('Article'), index: index('Article_authorId_idx', ['authorId']) };
    expect(codesOf(await run([{ kind: 'renameTable', from: name('Post'), to: name('Article') }, onRenamed], 'postgresql'))).toEqual(['L3001']);
  });

  test('L3002: a type change that rewrites the table', async () => {
    const f = await only([alterColumn('User', col('id', 'Int'), col('id', 'BigInt'))], 'postgresql');
    expect(f).toMatchObject({ code: 'L3002', severity: 'warning', destructive: false });
    expect(f.message).toBe(
      'Changing column "id" of table "User" from INTEGER to BIGINT rewrites the table and its indexes while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).',
    );
    const varcharToInt = codesOf(await run([alterColumn('User', col('n', 'String', { native: 'VarChar', args: ['10'] }), col('n', 'Int'))], 'postgresql'));
    expect(varcharToInt).toEqual(['L1006', 'L3002']);
    const textToVarchar = codesOf(await run([alterColumn('User', col('n', 'String'), col('n', 'String', { native: 'VarChar', args: ['10'] }))], 'postgresql'));
    expect(textToVarchar).toEqual(['L1005', 'L3002']);
    // MySQL is not judged for locks.
    expect(await run([alterColumn('User', col('id', 'Int'), col('id', 'BigInt'))], 'mysql')).toEqual([]);
  });

  test('L3002 is not raised for binary-coercible changes', async () => {
    const noRewrite: [ReturnType<typeof col>, ReturnType<typeof col>][] = [
      [col('s', 'String', { native: 'VarChar', args: ['10'] }), col('s', 'String', { native: 'VarChar', args: ['20'] })],
      [col('s', 'String', { native: 'VarChar', args: ['10'] }), col('s', 'String')],
      [col('s', 'String', { native: 'VarChar', args: ['10'] }), col('s', 'String', { native: 'VarChar' })],
      [col('s', 'String'), col('s', 'String', { native: 'VarChar' })],
      [col('p', 'Decimal', { native: 'Decimal', args: ['10', '2'] }), col('p', 'Decimal', { native: 'Decimal', args: ['12', '2'] })],
      [col('p', 'Decimal', { native: 'Decimal', args: ['10', '2'] }), col('p', 'Decimal', { native: 'Decimal' })],
      [col('t', 'DateTime', { native: 'Timestamp', args: ['3'] }), col('t', 'DateTime', { native: 'Timestamp', args: ['6'] })],
      [col('b', 'String', { native: 'VarBit', args: ['8'] }), col('b', 'String', { native: 'VarBit' })],
    ];
    for (const [from, to] of noRewrite) expect(await run([alterColumn('User', from, to)], 'postgresql')).toEqual([]);
  });

  test('L3003: SET NOT NULL scans the table', async () => {
    const from = col('bio', 'String', { nullable: true });
    const findings = await run([alterColumn('User', from, { ...from, nullable: false }, ['nullability'])], 'postgresql');
    expect(codesOf(findings)).toEqual(['L2002', 'L3003']);
    expect(findings[1]!.message).toBe(
      'Making column "bio" of table "User" NOT NULL scans the whole table while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).',
    );
  });

  test('L3004: adding a column with a volatile default', async () => {
    const add = (column: ReturnType<typeof col>): Change => ({ kind: 'addColumn', table: name('User'), column });
    const token = col('token', 'String', { native: 'Uuid', default: { kind: 'expression', sql: 'gen_random_uuid()' } });
    const f = await only([add(token)], 'postgresql');
    expect(f).toMatchObject({ code: 'L3004', severity: 'warning', destructive: false });
    expect(f.message).toBe(
      'Adding column "token" to table "User" with the volatile default gen_random_uuid() rewrites the table while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).',
    );
    expect(codesOf(await run([add(col('seq', 'Int', { autoincrement: true }))], 'postgresql'))).toEqual(['L3004']);
    expect(codesOf(await run([add(col('r', 'Float', { default: { kind: 'expression', sql: 'public.random() * 10' } }))], 'postgresql'))).toEqual(['L3004']);
    // now() is stable: PostgreSQL 11+ stores it without a rewrite. A function name inside a string is not a call.
    expect(await run([add(col('at', 'DateTime', { default: { kind: 'now' } }))], 'postgresql')).toEqual([]);
    expect(await run([add(col('at', 'DateTime', { default: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' } }))], 'postgresql')).toEqual([]);
    expect(await run([add(col('s', 'String', { default: { kind: 'expression', sql: "'random()'::text" } }))], 'postgresql')).toEqual([]);
    expect(await run([add(token)], 'mysql')).toEqual([]);
    expect(await run([add(token)], 'postgresql', { User: 0 })).toEqual([]);
  });

  test('L3005 and L3006: a foreign key or check validates every row', async () => {
    const fk: Change = {
      kind: 'addForeignKey',
      table: name('Post'),
      foreignKey: { name: 'Post_authorId_fkey', columns: ['authorId'], referencedTable: name('User'), referencedColumns: ['id'], onDelete: 'Cascade', onUpdate: 'Cascade' },
    };
    const fkFindings = await run([fk], 'postgresql');
    expect(codesOf(fkFindings)).toEqual(['L2004', 'L3005']);
    expect(fkFindings[1]!.message).toBe('Adding foreign key "Post_authorId_fkey" to table "Post" checks every row while blocking writes to "Post" and "User" (PostgreSQL).');
    const check: Change = { kind: 'addCheck', table: name('User'), check: { name: 'age_positive', expression: 'age > 0' } };
    const checkFindings = await run([check], 'postgresql');
    expect(codesOf(checkFindings)).toEqual(['L2005', 'L3006']);
    expect(checkFindings[1]!.message).toBe(
      'Adding check "age_positive" to table "User" checks every row while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).',
    );
  });
});

describe('L4xxx: enums', () => {
  const role = (values: string[]) => enumCol('role', 'Role', values);

  test('L4001: removing a value from a PostgreSQL enum names the columns that use it', async () => {
    const change: Change = {
      kind: 'alterEnum',
      from: enumType('Role', ['USER', 'ADMIN', 'GUEST']),
      to: enumType('Role', ['USER']),
      added: [],
      removed: ['ADMIN', 'GUEST'],
      renamed: [],
      columns: [{ table: name('User'), column: role(['USER', 'ADMIN', 'GUEST']) }],
    };
    const f = await only([change], 'postgresql');
    expect(f).toMatchObject({ code: 'L4001', severity: 'error', destructive: true, change });
    expect(f.message).toBe('Removing values "ADMIN", "GUEST" from enum "Role" fails or loses data if a row still holds one of them in column "role" of table "User".');
    // Only empty tables use it: nothing can hold the value.
    expect(await run([change], 'postgresql', { User: 0 })).toEqual([]);
  });

  test('L4001 is not raised for renaming or adding values', async () => {
    const change: Change = {
      kind: 'alterEnum',
      from: enumType('Role', ['USER', 'ADMIN']),
      to: enumType('Role', ['USER', 'ADMINISTRATOR', 'GUEST']),
      added: ['GUEST'],
      removed: [],
      renamed: [{ from: 'ADMIN', to: 'ADMINISTRATOR' }],
      columns: [{ table: name('User'), column: role(['USER', 'ADMIN']) }],
    };
    expect(await run([change], 'postgresql')).toEqual([]);
    expect(await run([{ kind: 'renameEnum', from: name('Role'), to: name('UserRole') }], 'postgresql')).toEqual([]);
  });

  test('L4001 on MySQL, where the values live in the column type, unless the value is renamed', async () => {
    const f = await only([alterColumn('User', role(['USER', 'ADMIN']), role(['USER']))], 'mysql');
    expect(f).toMatchObject({ code: 'L4001', severity: 'error', destructive: true });
    expect(f.message).toBe('Removing value "ADMIN" from enum "Role" fails or loses data if a row still holds it in column "role" of table "User".');
    const renamed: Change = { ...(alterColumn('User', role(['USER', 'ADMIN']), role(['USER', 'ADMINISTRATOR'])) as Extract<Change, { kind: 'alterColumn' }>), renamedValues: [{ from: 'ADMIN', to: 'ADMINISTRATOR' }] };
    expect(await run([renamed], 'mysql')).toEqual([]);
    expect(await run([alterColumn('User', role(['USER']), role(['USER', 'ADMIN']))], 'mysql')).toEqual([]);
  });

  test('L4001 on a SQLite rebuild (the values live in a CHECK), unless the copy renames them', async () => {
    const from = schemaTable('User', [id(), role(['USER', 'ADMIN'])]);
    const to = schemaTable('User', [id(), role(['USER', 'ADMINISTRATOR'])]);
    const rebuild = (renamedValues?: { from: string; to: string }[]): Change => ({
      kind: 'redefineTable',
      from,
      to,
      copy: [{ column: 'id', from: 'id' }, { column: 'role', from: 'role', ...(renamedValues === undefined ? {} : { renamedValues }) }],
      triggers: [],
      referencedBy: [],
    });
    expect(codesOf(await run([rebuild()], 'sqlite'))).toEqual(['L4001']);
    expect(await run([rebuild([{ from: 'ADMIN', to: 'ADMINISTRATOR' }])], 'sqlite')).toEqual([]);
  });

  test('an AlterEnum and the columns it converts are flagged once', async () => {
    const alterEnum: Change = {
      kind: 'alterEnum',
      from: enumType('Role', ['USER', 'ADMIN']),
      to: enumType('Role', ['USER']),
      added: [],
      removed: ['ADMIN'],
      renamed: [],
      columns: [{ table: name('User'), column: role(['USER', 'ADMIN']) }],
    };
    expect(codesOf(await run([alterEnum, alterColumn('User', role(['USER', 'ADMIN']), role(['USER']))], 'postgresql'))).toEqual(['L4001']);
  });

  test('a column moving to another enum that lacks some values is a conversion (L1006)', async () => {
    const f = await only([alterColumn('User', enumCol('role', 'Role', ['USER', 'ADMIN']), enumCol('role', 'Kind', ['USER']))], 'mysql');
    expect(f.code).toBe('L1006');
    expect(f.message).toContain('"ADMIN" is not a value of the new type');
  });
});

test('every rule of the catalogue is exercised by a test above', () => {
  const all = Object.values(LintRules).map((r) => r.code);
  expect(all.filter((c) => !seen.has(c))).toEqual([]);
});
