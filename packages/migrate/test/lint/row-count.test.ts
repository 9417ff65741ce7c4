import { lintChanges, type Change, type QualifiedName } from '../../src/index.js';
import { alterColumn, col, counts, createTable, id, index, name, schemaTable } from './builders.js';

/* How lintChanges uses `rowCount`: once per table, by the table's name before the migration, never for a table the migration creates. */

const addAge = (table: string): Change => ({ kind: 'addColumn', table: name(table), column: col('age', 'Int') });

test('rowCount is asked once per table, however many changes touch it', async () => {
  const { rowCount, asked } = counts({ User: 4 });
  const findings = await lintChanges(
    [addAge('User'), { kind: 'dropColumn', table: name('User'), column: col('bio', 'String') }, alterColumn('User', col('n', 'Int'), col('n', 'Int', { native: 'SmallInt' }))],
    { provider: 'postgresql', rowCount },
  );
  expect(findings.map((f) => f.code)).toEqual(['L2001', 'L1003', 'L1005', 'L3002']);
  expect(asked).toEqual(['User']);
});

test('rowCount is never asked about a table the migration creates, even one dropped and created again', async () => {
  const { rowCount, asked } = counts({});
  const post = schemaTable('Post', [id(), col('authorId', 'Int')]);
  const findings = await lintChanges(
    [
      { kind: 'dropTable', table: post },
      createTable(post),
      addAge('Post'),
      { kind: 'createIndex', table: name('Post'), index: index('Post_authorId_key', ['authorId'], 'unique') },
    ],
    { provider: 'postgresql', rowCount: (t) => (t.name === 'Post' && asked.length === 0 ? Promise.resolve(7) : rowCount(t)) },
  );
  // Only the drop asks (7 rows); the new Post is empty.
  expect(findings.map((f) => [f.code, f.message])).toEqual([['L1001', 'Dropping table "Post" deletes its 7 rows.']]);
});

test('a table renamed in the migration is counted by its old name', async () => {
  const { rowCount, asked } = counts({ Post: 2 });
  const findings = await lintChanges([{ kind: 'renameTable', from: name('Post'), to: name('Article') }, addAge('Article')], { provider: 'mysql', rowCount });
  expect(asked).toEqual(['Post']);
  expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([
    ['L2001', 'error', 'Adding required column "age" to table "Article" without a default fails: the table has 2 rows. Give it a default, or add it optional, fill it, then make it required.'],
  ]);
});

test('a schema-qualified table is asked about with its schema', async () => {
  const asked: QualifiedName[] = [];
  await lintChanges([{ kind: 'addColumn', table: name('User', 'auth'), column: col('age', 'Int') }], {
    provider: 'postgresql',
    rowCount: (t) => {
      asked.push(t);
      return Promise.resolve(0);
    },
  });
  expect(asked).toEqual([{ schema: 'auth', name: 'User' }]);
});

test("rowCount's errors propagate, and a count that is not a number is refused", async () => {
  const failing = () => Promise.reject(new Error('connection lost'));
  await expect(lintChanges([addAge('User')], { provider: 'sqlite', rowCount: failing })).rejects.toThrow('connection lost');
  const text = (() => Promise.resolve('12')) as unknown as (t: QualifiedName) => Promise<number>;
  expect((await lintChanges([addAge('User')], { provider: 'sqlite', rowCount: text }))[0]!.message).toContain('the table has 12 rows');
  const nonsense = (() => Promise.resolve(-1)) as (t: QualifiedName) => Promise<number>;
  await expect(lintChanges([addAge('User')], { provider: 'sqlite', rowCount: nonsense })).rejects.toThrow('rowCount("User") returned -1, which is not a number of rows.');
});

test('changes that touch no data ask nothing and find nothing', async () => {
  const { rowCount, asked } = counts({});
  const quiet: Change[] = [
    { kind: 'createSchema', name: 'auth' },
    { kind: 'renameColumn', table: name('User'), from: 'mail', to: 'email' },
    { kind: 'dropIndex', table: name('User'), index: index('User_email_idx', ['email']) },
    { kind: 'renameIndex', table: name('User'), from: index('a', ['email']), to: index('b', ['email']) },
    { kind: 'dropForeignKey', table: name('Post'), foreignKey: { name: 'fk', columns: ['authorId'], referencedTable: name('User'), referencedColumns: ['id'], onDelete: 'Cascade', onUpdate: 'Cascade' } },
    { kind: 'dropCheck', table: name('User'), check: { name: 'c', expression: 'age > 0' } },
    { kind: 'dropPrimaryKey', table: name('User'), primaryKey: { name: 'User_pkey', columns: index('', ['id']).columns } },
    { kind: 'renameConstraint', table: name('User'), constraint: 'check', from: 'c', to: 'd' },
    { kind: 'createView', view: { name: name('V'), sql: 'SELECT 1', origin: { kind: 'view', view: 'V' } } },
    { kind: 'dropView', view: { name: name('V'), sql: 'SELECT 1', origin: { kind: 'view', view: 'V' } } },
    alterColumn('User', col('n', 'Int', { nullable: false }), col('n', 'Int', { nullable: true }), ['nullability']),
  ];
  for (const provider of ['sqlite', 'postgresql', 'mysql'] as const) expect(await lintChanges(quiet, { provider, rowCount })).toEqual([]);
  expect(asked).toEqual([]);
});
