import type { Provider } from '@kiln/schema';
import { type Change } from '../../src/index.js';
import { alterColumn, col, enumCol, enumType, id, name, schemaTable, ruleRecorder } from './builders.js';

/*
 * The L1xxx (destructive) rules: each code has a hand-built change it must flag (so removing the rule
 * fails a test here), and beside it what it must leave alone. Messages name the table and the
 * column.
 */

const { run, only, codesOf, expectEveryRuleSeen } = ruleRecorder('L1');

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

test('every L1xxx rule of the catalogue is exercised above', expectEveryRuleSeen);
