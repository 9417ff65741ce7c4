import type { Provider } from '@kiln/schema';
import { parseMigrationScript, planFromEmpty, renderChanges, renderMigrationScript, splitStatements, SqlSplitError, type RenderedChange } from '../../src/index.js';
import { datasource, irOf } from '../helpers/examples.js';

/*
 * Migration scripts are split into statements the way each database reads them: a `;` inside a
 * string, a quoted identifier, a comment, a dollar-quoted body or a trigger's BEGIN ... END does
 * not end a statement. What kiln writes reads back as exactly the statements it rendered.
 */

const sqls = (script: string, provider: Provider) => splitStatements(script, provider).map((s) => s.sql);

describe('splitStatements', () => {
  test('splits at semicolons, drops comments and blank text between statements, keeps lines', () => {
    const script = '-- header\n\nCREATE TABLE a (id INT);\n\n/* block; comment */\nINSERT INTO a VALUES (1);   -- trailing; comment\nSELECT 1';
    expect(splitStatements(script, 'sqlite')).toEqual([
      { sql: 'CREATE TABLE a (id INT)', line: 3, directives: [] },
      { sql: 'INSERT INTO a VALUES (1)', line: 6, directives: [] },
      { sql: 'SELECT 1', line: 7, directives: [] },
    ]);
    expect(sqls(';;  ;\n', 'postgresql')).toEqual([]);
  });

  test.each<[Provider, string, string[]]>([
    ['sqlite', `INSERT INTO t VALUES ('a;''b');SELECT "x;y", \`z;\`, [w;] FROM t`, [`INSERT INTO t VALUES ('a;''b')`, 'SELECT "x;y", `z;`, [w;] FROM t']],
    ['postgresql', `SELECT 'it''s; fine', "a;""b", E'\\';x'; SELECT 2`, [`SELECT 'it''s; fine', "a;""b", E'\\';x'`, 'SELECT 2']],
    ['mysql', `INSERT INTO t VALUES ('a\\';b', "c;\\"d", \`e;\`\`f\`);SELECT 2`, [`INSERT INTO t VALUES ('a\\';b', "c;\\"d", \`e;\`\`f\`)`, 'SELECT 2']],
  ])('quotes on %s', (provider, script, expected) => {
    expect(sqls(script, provider)).toEqual(expected);
  });

  test('a backslash escapes nothing in a standard PostgreSQL or SQLite string', () => {
    expect(sqls(`SELECT 'a\\'; SELECT 'b'`, 'postgresql')).toEqual([`SELECT 'a\\'`, `SELECT 'b'`]);
    expect(sqls(`SELECT 'a\\'; SELECT 'b'`, 'sqlite')).toEqual([`SELECT 'a\\'`, `SELECT 'b'`]);
    // On MySQL the same text is one unterminated string.
    expect(() => splitStatements(`SELECT 'a\\'; SELECT 1`, 'mysql')).toThrow(SqlSplitError);
  });

  test('PostgreSQL dollar quoting, nested block comments and parameters', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger AS $body$\nBEGIN\n  NEW.x := 'a;b'; RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql`;
    expect(sqls(`${fn};\nSELECT $$;$$, $1;`, 'postgresql')).toEqual([fn, 'SELECT $$;$$, $1']);
    expect(sqls('/* outer /* inner; */ still; comment */ SELECT 1; SELECT 2', 'postgresql')).toEqual(['SELECT 1', 'SELECT 2']);
    // Elsewhere block comments do not nest: the first */ ends it.
    expect(sqls('/* a /* b */ SELECT 1; SELECT 2', 'sqlite')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  test('MySQL # comments, and -- only before a space', () => {
    expect(sqls('# a; comment\nSELECT 1; SELECT 5--1;', 'mysql')).toEqual(['SELECT 1', 'SELECT 5--1']);
    expect(sqls('SELECT 5--1;\nSELECT 2;', 'sqlite')).toEqual(['SELECT 5--1;\nSELECT 2']);
  });

  test('trigger and routine bodies with BEGIN ... END keep their semicolons', () => {
    const sqliteTrigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = CASE WHEN 1 THEN 'y' END;\n  INSERT INTO log VALUES (1);\nEND";
    expect(sqls(`${sqliteTrigger};\nSELECT 1;`, 'sqlite')).toEqual([sqliteTrigger, 'SELECT 1']);
    const mysqlTrigger =
      'CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN\n  IF NEW.x IS NULL THEN\n    BEGIN SET NEW.x = 1; END;\n  END IF;\nEND';
    expect(sqls(`${mysqlTrigger};\nSELECT 1;`, 'mysql')).toEqual([mysqlTrigger, 'SELECT 1']);
    const atomic = 'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END';
    expect(sqls(`${atomic};SELECT 3`, 'postgresql')).toEqual([atomic, 'SELECT 3']);
    // A table named trigger with a column named begin is an ordinary statement.
    expect(sqls('CREATE TABLE trigger (begin INT); SELECT 1', 'sqlite')).toEqual(['CREATE TABLE trigger (begin INT)', 'SELECT 1']);
    // A trigger without a block ends at its semicolon.
    expect(sqls('CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1; SELECT 1', 'mysql')).toEqual([
      'CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1',
      'SELECT 1',
    ]);
  });

  test('directives are the kiln: comments before a statement', () => {
    const script = '-- kiln:no-transaction\n-- an ordinary comment\nALTER TYPE t ADD VALUE \'x\';\n-- kiln: data loss: this is a note, not a directive\nDROP TABLE a;';
    expect(splitStatements(script, 'postgresql')).toEqual([
      { sql: "ALTER TYPE t ADD VALUE 'x'", line: 3, directives: ['no-transaction'] },
      { sql: 'DROP TABLE a', line: 5, directives: [] },
    ]);
  });

  test.each<[string, Provider, RegExp]>([
    ["SELECT 1;\nSELECT 'abc", 'sqlite', /^line 2: a string opened with ' is never closed$/],
    ['SELECT 1;\n\nSELECT "abc', 'postgresql', /^line 3: a quoted identifier or string opened with " is never closed$/],
    ['SELECT `a', 'mysql', /^line 1: a quoted identifier opened with ` is never closed$/],
    ['SELECT 1 /* open', 'sqlite', /^line 1: a \/\* comment is never closed$/],
    ['\nSELECT $f$ body', 'postgresql', /^line 2: a dollar-quoted body opened with \$f\$ is never closed$/],
    ['SELECT 1;\n-- kiln:no-transaction\n', 'postgresql', /^line 2: the directive "-- kiln:no-transaction" is not followed by a statement$/],
    ['SELECT 1\n-- kiln:no-transaction\n, 2;', 'postgresql', /^line 2: the directive "-- kiln:no-transaction" is inside a statement/],
  ])('%j on %s is an error with its line', (script, provider, message) => {
    expect(() => splitStatements(script, provider)).toThrow(message);
  });
});

describe('migration scripts', () => {
  test('parseMigrationScript applies directives and rejects unknown or misplaced ones', () => {
    const steps = parseMigrationScript('CREATE TABLE a (id INT);\n-- kiln:no-transaction\nVACUUM;\n-- kiln:foreign-keys-off\nDROP TABLE a;\n', 'sqlite');
    expect(steps).toEqual([
      { sql: 'CREATE TABLE a (id INT)', line: 1, transactional: true, foreignKeysOff: false },
      { sql: 'VACUUM', line: 3, transactional: false, foreignKeysOff: false },
      { sql: 'DROP TABLE a', line: 5, transactional: true, foreignKeysOff: true },
    ]);
    expect(() => parseMigrationScript('-- kiln:no-transactions\nSELECT 1;', 'postgresql')).toThrow(
      /^line 2: unknown directive "-- kiln:no-transactions"; the known ones are "-- kiln:no-transaction"/,
    );
    expect(() => parseMigrationScript('-- kiln:foreign-keys-off\nSELECT 1;', 'postgresql')).toThrow(
      /^line 2: the directive "-- kiln:foreign-keys-off" is for sqlite only, and these migrations are for postgresql$/,
    );
  });

  const hostile = (provider: Provider) => `${datasource(provider)}
enum Weird {
  A @map("it's; --")
  B
  @@map("en\\"um; \`x\`")
}

model Odd {
  id    Int    @id @default(autoincrement()) @map("i\\"d; \`x\`")
  label String @unique @default("a;b -- c /* d") @map("la bel's")
  kind  Weird  @default(A)

  @@map("my \\"odd\\"; \`table\` --name")
}
`;

  test.each<Provider>(['sqlite', 'postgresql', 'mysql'])('a rendered plan with hostile names reads back as the same statements on %s', (provider) => {
    const rendered = renderChanges(planFromEmpty(irOf(hostile(provider))), provider);
    const script = renderMigrationScript(rendered, provider);
    expect(parseMigrationScript(script, provider).map((s) => s.sql)).toEqual(rendered.flatMap((r) => r.sql));
  });

  test('flags become directives, notes become comments, and a statement ending in a comment gets its ; on a line of its own', () => {
    const change = planFromEmpty(irOf(`${datasource('postgresql')}\nmodel A {\n  id Int @id\n}\n`))[0]!;
    const rendered: RenderedChange[] = [
      { change, sql: ['ALTER TYPE "t" ADD VALUE \'x\''], transactional: false },
      { change, sql: ['SELECT 1 -- why'] },
    ];
    const script = renderMigrationScript(rendered, 'postgresql', { notes: (r) => (r.transactional === false ? [] : ['kiln: data loss: something\nspanning lines']) });
    expect(script).toBe(
      '-- CreateTable "A"\n-- kiln:no-transaction\nALTER TYPE "t" ADD VALUE \'x\';\n\n' +
        '-- CreateTable "A"\n-- kiln: data loss: something spanning lines\nSELECT 1 -- why\n;\n',
    );
    expect(parseMigrationScript(script, 'postgresql')).toEqual([
      { sql: 'ALTER TYPE "t" ADD VALUE \'x\'', line: 3, transactional: false, foreignKeysOff: false },
      { sql: 'SELECT 1 -- why', line: 7, transactional: true, foreignKeysOff: false },
    ]);
    // A statement that would read back as two cannot be written.
    expect(() => renderMigrationScript([{ change, sql: ['SELECT 1; SELECT 2'] }], 'postgresql')).toThrow(/does not read back as one statement/);
  });
});
