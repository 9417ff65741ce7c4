import type { Provider, ScalarType } from '@kiln/schema';
import { ddlRendererFor, type Column } from '../../src/index.js';
import { lintDialectFor } from '../../src/lint/lint-dialect-for.js';
import { col } from './builders.js';

/*
 * The linter's view of column types must match what the DDL renderers create: every type it
 * names in a message is the renderer's spelling of the same column, and no native type of a
 * provider falls back to "a type the linter does not model" unless it is one of the few listed.
 */

const SCALARS: ScalarType[] = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'];

/** Every `@db.X` of the provider (as the schema's analyzer allows them), with argument lists to try. */
const NATIVE: Record<Provider, [ScalarType, string, string[][]][]> = {
  postgresql: [
    ['String', 'Text', [[]]],
    ['String', 'Char', [[], ['10']]],
    ['String', 'VarChar', [[], ['255']]],
    ['String', 'Bit', [[], ['8']]],
    ['String', 'VarBit', [[], ['8']]],
    ['String', 'Uuid', [[]]],
    ['String', 'Xml', [[]]],
    ['String', 'Inet', [[]]],
    ['String', 'Citext', [[]]],
    ['Boolean', 'Boolean', [[]]],
    ['Int', 'Integer', [[]]],
    ['Int', 'SmallInt', [[]]],
    ['Int', 'Oid', [[]]],
    ['BigInt', 'BigInt', [[]]],
    ['Float', 'DoublePrecision', [[]]],
    ['Float', 'Real', [[]]],
    ['Decimal', 'Decimal', [[], ['10'], ['10', '2']]],
    ['Decimal', 'Money', [[]]],
    ['DateTime', 'Timestamp', [[], ['3']]],
    ['DateTime', 'Timestamptz', [[], ['3']]],
    ['DateTime', 'Date', [[]]],
    ['DateTime', 'Time', [[], ['3']]],
    ['DateTime', 'Timetz', [[], ['3']]],
    ['Json', 'Json', [[]]],
    ['Json', 'JsonB', [[]]],
    ['Bytes', 'ByteA', [[]]],
  ],
  mysql: [
    ['String', 'VarChar', [['255']]],
    ['String', 'Text', [[]]],
    ['String', 'Char', [['10']]],
    ['String', 'TinyText', [[]]],
    ['String', 'MediumText', [[]]],
    ['String', 'LongText', [[]]],
    ['Bytes', 'Bit', [['8']]],
    ['Bytes', 'Binary', [['16']]],
    ['Bytes', 'VarBinary', [['16']]],
    ['Bytes', 'TinyBlob', [[]]],
    ['Bytes', 'Blob', [[]]],
    ['Bytes', 'MediumBlob', [[]]],
    ['Bytes', 'LongBlob', [[]]],
    ['Int', 'Int', [[]]],
    ['Int', 'UnsignedInt', [[]]],
    ['Int', 'SmallInt', [[]]],
    ['Int', 'UnsignedSmallInt', [[]]],
    ['Int', 'MediumInt', [[]]],
    ['Int', 'UnsignedMediumInt', [[]]],
    ['Int', 'TinyInt', [[]]],
    ['Boolean', 'TinyInt', [[]]],
    ['Int', 'UnsignedTinyInt', [[]]],
    ['Int', 'Year', [[]]],
    ['BigInt', 'BigInt', [[]]],
    ['BigInt', 'UnsignedBigInt', [[]]],
    ['Float', 'Double', [[]]],
    ['Float', 'Float', [[]]],
    ['Decimal', 'Decimal', [[], ['10', '2']]],
    ['DateTime', 'DateTime', [[], ['3']]],
    ['DateTime', 'Timestamp', [[], ['3']]],
    ['DateTime', 'Date', [[]]],
    ['DateTime', 'Time', [[], ['3']]],
    ['Json', 'Json', [[]]],
  ],
  sqlite: [],
};

/** Types the linter compares by name only. */
const UNMODELLED = new Set(['XML', 'INET', 'CITEXT', 'MONEY']);

function columnsOf(provider: Provider): Column[] {
  const columns = SCALARS.map((s) => col(`default_${s}`, s));
  columns.push({ ...col('serial', 'Int'), autoincrement: true });
  for (const [scalar, native, argLists] of NATIVE[provider]) {
    for (const args of argLists) columns.push(col(`${scalar}_${native}_${args.join('_')}`, scalar, { native, args }));
  }
  if (provider === 'postgresql') columns.push(col('list', 'String', { list: true }), col('list_varchar', 'String', { native: 'VarChar', args: ['10'], list: true }));
  return columns;
}

describe.each(['postgresql', 'mysql', 'sqlite'] as Provider[])('%s column types', (provider) => {
  const renderer = ddlRendererFor(provider);
  const dialect = lintDialectFor(provider);
  const columns = columnsOf(provider);
  const [statement] = renderer.render({
    kind: 'createTable',
    table: { name: { schema: null, name: 'T' }, columns, primaryKey: null, checks: [], origin: { kind: 'model', model: 'T' } },
    indexes: [],
    foreignKeys: [],
  });
  const lines = statement!.split('\n');

  test.each(columns.map((c) => [c.name, c] as const))('%s is spelled as the renderer spells it', (_, column) => {
    const facts = dialect.columnFacts(column);
    const prefix = `    ${renderer.quote(column.name)} `;
    const line = lines.find((l) => l.startsWith(prefix));
    expect(line).toBeDefined();
    // The type ends where nullability, autoincrement or the line does.
    const spelled = line!.slice(prefix.length).replace(/ (NOT NULL|NULL|AUTO_INCREMENT).*$/, '').replace(/,$/, '');
    // PostgreSQL writes an autoincrement INTEGER as SERIAL: the same integer.
    expect(spelled === 'SERIAL' ? 'INTEGER' : spelled).toBe(facts.sql);
    if (!UNMODELLED.has(facts.sql)) expect(facts.family).not.toBe('other');
  });
});
