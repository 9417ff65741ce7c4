import { type Change } from '../../src/index.js';
import { alterColumn, col, createTable, id, index, name, schemaTable, ruleRecorder } from './builders.js';

/*
 * The L2xxx (data-dependent) rules: each code has a hand-built change it must flag (so removing the rule
 * fails a test here), and beside it what it must leave alone. Messages name the table and the
 * column.
 */

const { run, only, codesOf, expectEveryRuleSeen } = ruleRecorder('L2');

const user = schemaTable('User', [id(), col('email', 'String'), col('bio', 'String', { nullable: true })]);

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
    const serial = col('seq', 'Int', { autoincrement: true });
    expect(
      await run(
        [
          { kind: 'addColumn', table: name('User'), column: serial },
          { kind: 'createIndex', table: name('User'), index: index('User_seq_key', ['seq'], 'unique') },
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

  describe('a key, foreign key or check dropped and added again (a rename or new actions) cannot fail on the rows', () => {
    const fk = (name_: string, column: string, referenced: string, onDelete: 'Cascade' | 'Restrict' = 'Cascade') => ({
      name: name_,
      columns: [column],
      referencedTable: name(referenced),
      referencedColumns: ['id'],
      onDelete,
      onUpdate: 'Cascade' as const,
    });

    test('a foreign key whose actions change: no L2004, but PostgreSQL still checks every row (L3005)', async () => {
      const changes: Change[] = [
        { kind: 'dropForeignKey', table: name('Post'), foreignKey: fk('Post_authorId_fkey', 'authorId', 'User') },
        { kind: 'addForeignKey', table: name('Post'), foreignKey: fk('Post_authorId_fkey', 'authorId', 'User', 'Restrict') },
      ];
      expect(await run(changes, 'mysql')).toEqual([]);
      expect(codesOf(await run(changes, 'postgresql'))).toEqual(['L3005']);
    });

    test('a foreign key added back under the new names of its tables and columns', async () => {
      const changes: Change[] = [
        { kind: 'dropForeignKey', table: name('posts'), foreignKey: fk('posts_author_fkey', 'author', 'users') },
        { kind: 'renameTable', from: name('posts'), to: name('articles') },
        { kind: 'renameTable', from: name('users'), to: name('people') },
        { kind: 'renameColumn', table: name('articles'), from: 'author', to: 'author_id' },
        { kind: 'addForeignKey', table: name('articles'), foreignKey: fk('articles_author_id_fkey', 'author_id', 'people') },
      ];
      expect(await run(changes, 'mysql')).toEqual([]);
      // Another referenced table is a new constraint.
      const other: Change = { kind: 'addForeignKey', table: name('articles'), foreignKey: fk('articles_author_id_fkey', 'author_id', 'teams') };
      expect(codesOf(await run([...changes.slice(0, 4), other], 'mysql'))).toEqual(['L2004']);
    });

    test('a unique index renamed by a drop and a create, or covered by a dropped primary key', async () => {
      const drop: Change = { kind: 'dropIndex', table: name('User'), index: index('User_email_key', ['email'], 'unique') };
      const create: Change = { kind: 'createIndex', table: name('User'), index: index('users_email_unique', ['email'], 'unique') };
      expect(await run([drop, create], 'mysql')).toEqual([]);
      expect(codesOf(await run([drop, create], 'postgresql'))).toEqual(['L3001']);
      const widerUnique: Change = { kind: 'createIndex', table: name('User'), index: index('User_email_name_key', ['email', 'name'], 'unique') };
      expect(await run([drop, widerUnique], 'mysql')).toEqual([]);
      const pk = { name: 'User_pkey', columns: index('', ['id']).columns };
      expect(await run([{ kind: 'dropPrimaryKey', table: name('User'), primaryKey: pk }, { kind: 'addPrimaryKey', table: name('User'), primaryKey: { ...pk, name: 'users_pkey' } }], 'mysql')).toEqual([]);
      // A dropped partial unique index says nothing about the other rows.
      const partial: Change = { kind: 'dropIndex', table: name('User'), index: { ...index('User_email_key', ['email'], 'unique'), where: 'deleted_at IS NULL' } };
      expect(codesOf(await run([partial, create], 'mysql'))).toEqual(['L2003']);
    });

    test('a check added back with the same expression', async () => {
      const check = { name: 'age_positive', expression: 'age > 0' };
      const changes: Change[] = [
        { kind: 'dropCheck', table: name('User'), check },
        { kind: 'addCheck', table: name('User'), check: { name: 'User_age_positive', expression: 'age  >  0' } },
      ];
      expect(await run(changes, 'mysql')).toEqual([]);
      expect(codesOf(await run(changes, 'postgresql'))).toEqual(['L3006']);
      expect(codesOf(await run([changes[0]!, { kind: 'addCheck', table: name('User'), check: { name: 'c', expression: 'age > 1' } }], 'mysql'))).toEqual(['L2005']);
    });
  });

  test('L2005: a check on an existing table', async () => {
    const check: Change = { kind: 'addCheck', table: name('User'), check: { name: 'age_positive', expression: 'age > 0' } };
    const f = (await run([check], 'mysql'))[0]!;
    expect(f).toMatchObject({ code: 'L2005', severity: 'warning', destructive: false });
    expect(f.message).toBe('Adding check "age_positive" to table "User" fails if an existing row violates it: age > 0.');
    expect(await run([createTable(user), check], 'mysql')).toEqual([]);
  });
});

test('every L2xxx rule of the catalogue is exercised above', expectEveryRuleSeen);
