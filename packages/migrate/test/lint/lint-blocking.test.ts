import { type Change } from '../../src/index.js';
import { alterColumn, col, createTable, id, index, name, schemaTable, ruleRecorder } from './builders.js';

/*
 * The L3xxx (blocking on PostgreSQL) rules: each code has a hand-built change it must flag (so removing the rule
 * fails a test here), and beside it what it must leave alone. Messages name the table and the
 * column.
 */

const { run, only, codesOf, expectEveryRuleSeen } = ruleRecorder('L3');

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
    expect(fkFindings[1]!.message).toBe('Adding foreign key "Post_authorId_fkey" on column "authorId" of table "Post" checks every row while blocking writes to "Post" and "User" (PostgreSQL).');
    const check: Change = { kind: 'addCheck', table: name('User'), check: { name: 'age_positive', expression: 'age > 0' } };
    const checkFindings = await run([check], 'postgresql');
    expect(codesOf(checkFindings)).toEqual(['L2005', 'L3006']);
    expect(checkFindings[1]!.message).toBe(
      'Adding check "age_positive" to table "User" checks every row while holding an ACCESS EXCLUSIVE lock, which blocks reads and writes (PostgreSQL).',
    );
  });
});

test('every L3xxx rule of the catalogue is exercised above', expectEveryRuleSeen);
