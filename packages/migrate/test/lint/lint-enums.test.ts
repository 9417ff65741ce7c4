import { type Change } from '../../src/index.js';
import { alterColumn, enumCol, enumType, id, name, schemaTable, ruleRecorder } from './builders.js';

/*
 * The L4xxx (enums) rules: each code has a hand-built change it must flag (so removing the rule
 * fails a test here), and beside it what it must leave alone. Messages name the table and the
 * column.
 */

const { run, only, codesOf, expectEveryRuleSeen } = ruleRecorder('L4');

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

test('every L4xxx rule of the catalogue is exercised above', expectEveryRuleSeen);
