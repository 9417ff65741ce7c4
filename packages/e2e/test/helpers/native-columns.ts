// The columns of the native-types e2e test (native-types.test.ts), per provider: every native
// type with the values written to it and what each reads back as. docs/native-types.md says the
// same in prose.
import type { TestProvider } from './db.js';

/** One value written to a column, and what a read returns when that differs. */
export interface Sample {
  write: unknown;
  /** What comes back (default: `write`). */
  read?: unknown;
  /** What comes back where MariaDB and MySQL differ. */
  readOn?: { MariaDB: unknown; MySQL: unknown };
  /** Why it differs, or what the value tests. */
  note?: string;
  /**
   * Which value an equality filter finds the row by, when the two differ (default: both).
   * `read`: the database rounded or cut the value on the way in, and compares a filter's value
   * as given. `written`: the read is rounded (SQLite's 15-digit decimals), the stored value is not.
   */
  foundBy?: 'read' | 'written';
}

export interface NativeColumn {
  /** The field (and column) name. */
  field: string;
  /** Kiln's scalar type. */
  type: 'String' | 'Boolean' | 'Int' | 'BigInt' | 'Float' | 'Decimal' | 'DateTime' | 'Json' | 'Bytes';
  /** The attribute, e.g. `@db.VarChar(10)`; `null` for the provider's default type. */
  native: string | null;
  /** The column type as the catalog reports it; per flavour where MariaDB and MySQL differ. */
  dbType: string | { MariaDB: string; MySQL: string };
  samples: Sample[];
  /** Whether two stored values are equal for the database's `=` (default: the same value read back). */
  sameForEquals?: (a: unknown, b: unknown) => boolean;
}

export const date = (iso: string) => new Date(iso);
export const bytes = (...b: number[]) => Buffer.from(b);
const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const json = { text: 'ünïcødé 😀 "quoted" \\ back', n: 12.5, big: 9007199254740991, nested: { list: [1, 'two', null, true, { deep: [] }] }, empty: {} };

const POSTGRESQL: NativeColumn[] = [
  { field: 'text', type: 'String', native: '@db.Text', dbType: 'text', samples: [
    { write: '' },
    { write: 'ünïcødé 中文 😀 \'"\\ \n\t' },
    { write: 'x'.repeat(100_000), note: 'no length limit' },
  ] },
  { field: 'char5', type: 'String', native: '@db.Char(5)', dbType: 'character(5)', samples: [
    { write: 'abcde' },
    { write: 'ab', read: 'ab   ', note: 'CHAR(n) pads with spaces, and PostgreSQL returns the padding' },
    { write: '😀é', read: '😀é   ', note: 'n counts characters, not bytes' },
  ] },
  { field: 'char', type: 'String', native: '@db.Char', dbType: 'character(1)', samples: [{ write: 'x' }] },
  { field: 'varchar10', type: 'String', native: '@db.VarChar(10)', dbType: 'character varying(10)', samples: [
    { write: 'x'.repeat(10) },
    { write: 'y'.repeat(10) + '   ', read: 'y'.repeat(10), note: 'spaces past the length are cut (SQL standard); other characters are refused', foundBy: 'read' },
    { write: '😀'.repeat(10), note: 'ten characters of four bytes each' },
    { write: '' },
  ] },
  { field: 'varchar', type: 'String', native: '@db.VarChar', dbType: 'character varying', samples: [{ write: 'y'.repeat(20_000) }] },
  { field: 'bit8', type: 'String', native: '@db.Bit(8)', dbType: 'bit(8)', samples: [{ write: '10100101' }, { write: '00000000' }] },
  { field: 'varbit16', type: 'String', native: '@db.VarBit(16)', dbType: 'bit varying(16)', samples: [{ write: '1' }, { write: '1010101010101010' }, { write: '' }] },
  { field: 'uuid', type: 'String', native: '@db.Uuid', dbType: 'uuid', samples: [
    { write: '123e4567-e89b-12d3-a456-426614174000' },
    { write: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', read: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', note: 'stored as 16 bytes; read in lower case' },
    { write: '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', read: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', note: 'braces are accepted on input' },
    { write: '00000000-0000-0000-0000-000000000000' },
  ] },
  { field: 'xml', type: 'String', native: '@db.Xml', dbType: 'xml', samples: [
    { write: '<a b="1">x &amp; y</a>' },
    { write: 'text content' },
    { write: '<a b="1">x &amp; y</a> ', note: 'xml has no `=`: filters compare its text, where a trailing space counts' },
  ] },
  { field: 'inet', type: 'String', native: '@db.Inet', dbType: 'inet', samples: [
    { write: '192.168.0.1' },
    { write: '10.0.0.0/8' },
    { write: '192.168.0.1/32', read: '192.168.0.1', note: 'a /32 host is printed without its mask' },
    { write: '::1' },
    { write: '2001:0db8:0000:0000:0000:0000:0000:0001/64', read: '2001:db8::1/64', note: 'IPv6 is printed in its short form' },
  ] },
  { field: 'citext', type: 'String', native: '@db.Citext', dbType: 'citext', samples: [{ write: 'Hello World' }, { write: 'HELLO WORLD' }, { write: 'Straße' }],
    sameForEquals: (a, b) => String(a).toLowerCase() === String(b).toLowerCase() },
  { field: 'boolean', type: 'Boolean', native: '@db.Boolean', dbType: 'boolean', samples: [{ write: true }, { write: false }] },
  { field: 'integer', type: 'Int', native: '@db.Integer', dbType: 'integer', samples: [{ write: -2147483648 }, { write: 2147483647 }, { write: 0 }] },
  { field: 'smallint', type: 'Int', native: '@db.SmallInt', dbType: 'smallint', samples: [{ write: -32768 }, { write: 32767 }] },
  { field: 'oid', type: 'Int', native: '@db.Oid', dbType: 'oid', samples: [{ write: 0 }, { write: 4294967295 }] },
  { field: 'bigint', type: 'BigInt', native: '@db.BigInt', dbType: 'bigint', samples: [
    { write: -9223372036854775808n },
    { write: 9223372036854775807n },
    { write: 0n },
  ] },
  { field: 'double', type: 'Float', native: '@db.DoublePrecision', dbType: 'double precision', samples: [
    { write: 1.7976931348623157e308 },
    { write: 5e-324 },
    { write: 0.1 + 0.2, note: 'every bit of a double' },
    { write: -Math.PI },
  ] },
  { field: 'real', type: 'Float', native: '@db.Real', dbType: 'real', samples: [
    { write: 1.5 },
    { write: 0.1, note: 'the shortest text of the nearest float4 reads back as the same number' },
    { write: Math.PI, read: 3.1415927, note: 'float4 keeps about 7 significant digits' },
    { write: 16777217, read: 16777216, note: '2^24 + 1 has no float4' },
    { write: 3.4028234663852886e38, read: 3.4028235e38 },
  ] },
  { field: 'decimal30', type: 'Decimal', native: '@db.Decimal(30, 10)', dbType: 'numeric(30,10)', samples: [
    { write: '12345678901234567890.1234567891', note: 'all 30 digits' },
    { write: '-0.0000000001' },
    { write: '12345678901234567890.1234567890', read: '12345678901234567890.123456789', note: 'trailing zeros of the scale are dropped' },
    { write: '0.12345678915', read: '0.1234567892', note: 'more decimals than the scale: rounded half away from zero', foundBy: 'read' },
  ] },
  { field: 'decimal2', type: 'Decimal', native: '@db.Decimal(10, 2)', dbType: 'numeric(10,2)', samples: [
    { write: '99999999.99' },
    { write: '1.005', read: '1.01', foundBy: 'read' },
    { write: '-0.5' },
    { write: 12.34, read: '12.34', note: 'a number input reads as a string' },
  ] },
  { field: 'decimal', type: 'Decimal', native: '@db.Decimal', dbType: 'numeric', samples: [
    { write: '3.1415926535897932384626433832795028841971693993751', note: 'unconstrained numeric: every digit' },
    { write: '-2.50000', read: '-2.5', note: 'trailing zeros are not kept' },
    { write: '1e-30', read: '0.000000000000000000000000000001', note: 'exponent input, read in plain notation' },
    { write: '-123456789012345678901234567890' },
  ] },
  { field: 'money', type: 'Decimal', native: '@db.Money', dbType: 'money', samples: [
    { write: '1234.56' },
    { write: '-1234.56' },
    { write: '0' },
    { write: '92233720368547758.07', note: 'the largest money value' },
    { write: '-92233720368547758.08', note: 'the smallest' },
    { write: '1.005', read: '1.01', note: 'two decimals (lc_monetary), rounded; a filter value is rounded alike' },
  ] },
  { field: 'ts0', type: 'DateTime', native: '@db.Timestamp(0)', dbType: 'timestamp(0) without time zone', samples: [
    { write: date('2024-02-29T12:34:56.499Z'), read: date('2024-02-29T12:34:56.000Z'), note: 'rounded to whole seconds', foundBy: 'read' },
    { write: date('2024-02-29T12:34:56.500Z'), read: date('2024-02-29T12:34:57.000Z'), note: 'rounded, not truncated', foundBy: 'read' },
  ] },
  { field: 'ts3', type: 'DateTime', native: '@db.Timestamp(3)', dbType: 'timestamp(3) without time zone', samples: [
    { write: date('2024-02-29T12:34:56.789Z') },
    { write: date('1900-01-01T00:00:00.000Z') },
    { write: date('9999-12-31T23:59:59.999Z') },
    { write: '2024-02-29T23:30:00.123-05:00', read: date('2024-03-01T04:30:00.123Z'), note: 'an offset is converted to UTC before it is stored' },
  ] },
  { field: 'ts', type: 'DateTime', native: '@db.Timestamp', dbType: 'timestamp without time zone', samples: [{ write: date('2024-02-29T12:34:56.789Z') }] },
  { field: 'ts6', type: 'DateTime', native: '@db.Timestamp(6)', dbType: 'timestamp(6) without time zone', samples: [{ write: date('2024-02-29T12:34:56.789Z') }] },
  { field: 'tstz3', type: 'DateTime', native: '@db.Timestamptz(3)', dbType: 'timestamp(3) with time zone', samples: [
    { write: date('2024-02-29T12:34:56.789Z') },
    { write: '2024-02-29T23:30:00.123-05:00', read: date('2024-03-01T04:30:00.123Z'), note: 'the same instant' },
    { write: date('1969-12-31T23:59:59.999Z') },
  ] },
  { field: 'tstz6', type: 'DateTime', native: '@db.Timestamptz(6)', dbType: 'timestamp(6) with time zone', samples: [
    { write: date('2024-02-29T12:34:56.789Z') },
    { write: '2024-02-29T12:34:56.789999Z', read: date('2024-02-29T12:34:56.789Z'), note: 'a JavaScript Date holds milliseconds: the microseconds are lost before writing' },
  ] },
  { field: 'date', type: 'DateTime', native: '@db.Date', dbType: 'date', samples: [
    { write: date('2024-02-29T00:00:00.000Z') },
    { write: date('2024-02-29T23:59:59.999Z'), read: date('2024-02-29T00:00:00.000Z'), note: 'the UTC date; the time is dropped (from a filter value too)' },
    { write: '2024-02-29T23:30:00-05:00', read: date('2024-03-01T00:00:00.000Z'), note: 'the date of the instant in UTC' },
    { write: date('1000-01-01T00:00:00.000Z') },
  ] },
  { field: 'time3', type: 'DateTime', native: '@db.Time(3)', dbType: 'time(3) without time zone', samples: [
    { write: date('1970-01-01T10:11:12.345Z') },
    { write: date('2024-02-29T23:59:59.999Z'), read: date('1970-01-01T23:59:59.999Z'), note: 'the UTC time of day, on 1970-01-01' },
    { write: date('1970-01-01T00:00:00.000Z') },
  ] },
  { field: 'time', type: 'DateTime', native: '@db.Time', dbType: 'time without time zone', samples: [{ write: date('1970-01-01T10:11:12.345Z') }] },
  { field: 'timetz3', type: 'DateTime', native: '@db.Timetz(3)', dbType: 'time(3) with time zone', samples: [
    { write: date('1970-01-01T10:11:12.345Z') },
    { write: '2024-02-29T23:30:00.123-05:00', read: date('1970-01-01T04:30:00.123Z'), note: 'stored with zone +00, read as UTC' },
  ] },
  { field: 'json', type: 'Json', native: '@db.Json', dbType: 'json', samples: [
    { write: json },
    { write: [1, 'two', { three: 3 }] },
    { write: 'a string' },
    { write: 42 },
    { write: true },
    { write: { a: 1, b: [true, null] } },
    { write: { b: [true, null], a: 1 }, note: 'json keeps the key order written; json has no `=`, so filters compare as jsonb, where key order does not count' },
  ] },
  { field: 'jsonb', type: 'Json', native: '@db.JsonB', dbType: 'jsonb', samples: [{ write: json }, { write: [] }, { write: 'a string' }, { write: -1.5e-10 }, { write: false }] },
  { field: 'bytea', type: 'Bytes', native: '@db.ByteA', dbType: 'bytea', samples: [{ write: allBytes }, { write: bytes() }, { write: bytes(0, 0, 0) }] },
];

/** MariaDB's catalog prints integer display widths (`int(11)`); MySQL 8.0 does not. */
const width = (maria: string, mysql: string) => ({ MariaDB: maria, MySQL: mysql });

const MYSQL: NativeColumn[] = [
  { field: 'varchar10', type: 'String', native: '@db.VarChar(10)', dbType: 'varchar(10)', samples: [
    { write: 'x'.repeat(10) },
    { write: 'y'.repeat(10) + '   ', read: 'y'.repeat(10), note: 'spaces past the length are cut; a PAD SPACE collation ignores trailing spaces in comparisons' },
    { write: '😀'.repeat(10), note: 'utf8mb4: ten characters of four bytes each' },
    { write: '' },
  ] },
  { field: 'char5', type: 'String', native: '@db.Char(5)', dbType: 'char(5)', samples: [
    { write: 'abcde' },
    { write: 'ab', note: 'CHAR(n) pads with spaces, and MySQL removes them when reading' },
  ] },
  { field: 'text', type: 'String', native: '@db.Text', dbType: 'text', samples: [
    { write: 'é'.repeat(32_767), note: '65,534 bytes: TEXT holds 65,535' },
    { write: 'ünïcødé 中文 😀 \'"\\ \n\t' },
  ] },
  { field: 'tinytext', type: 'String', native: '@db.TinyText', dbType: 'tinytext', samples: [{ write: 'x'.repeat(255), note: '255 bytes' }, { write: '😀'.repeat(63) }] },
  { field: 'mediumtext', type: 'String', native: '@db.MediumText', dbType: 'mediumtext', samples: [{ write: 'm'.repeat(100_000) }] },
  { field: 'longtext', type: 'String', native: '@db.LongText', dbType: 'longtext', samples: [{ write: 'l'.repeat(300_000) }, { write: '' }] },
  { field: 'bitBool', type: 'Boolean', native: '@db.Bit(1)', dbType: 'bit(1)', samples: [{ write: true }, { write: false }] },
  { field: 'bit8', type: 'Bytes', native: '@db.Bit(8)', dbType: 'bit(8)', samples: [{ write: bytes(0xa5) }, { write: bytes(0) }, { write: bytes(0xff) }] },
  { field: 'bit64', type: 'Bytes', native: '@db.Bit(64)', dbType: 'bit(64)', samples: [{ write: bytes(0x80, 1, 2, 3, 4, 5, 6, 0xff) }] },
  { field: 'binary4', type: 'Bytes', native: '@db.Binary(4)', dbType: 'binary(4)', samples: [
    { write: bytes(1, 2, 3, 4) },
    { write: bytes(1, 2), read: bytes(1, 2, 0, 0), note: 'BINARY(n) pads with zero bytes, and keeps them', foundBy: 'read' },
  ] },
  { field: 'varbinary16', type: 'Bytes', native: '@db.VarBinary(16)', dbType: 'varbinary(16)', samples: [{ write: bytes(0, 255, 0, 255) }, { write: bytes() }] },
  { field: 'tinyblob', type: 'Bytes', native: '@db.TinyBlob', dbType: 'tinyblob', samples: [{ write: allBytes.subarray(0, 255) }] },
  { field: 'blob', type: 'Bytes', native: '@db.Blob', dbType: 'blob', samples: [{ write: allBytes }, { write: bytes() }] },
  { field: 'mediumblob', type: 'Bytes', native: '@db.MediumBlob', dbType: 'mediumblob', samples: [{ write: allBytes }] },
  { field: 'longblob', type: 'Bytes', native: '@db.LongBlob', dbType: 'longblob', samples: [{ write: Buffer.concat(Array.from({ length: 1000 }, () => allBytes)) }] },
  { field: 'int', type: 'Int', native: '@db.Int', dbType: width('int(11)', 'int'), samples: [{ write: -2147483648 }, { write: 2147483647 }] },
  { field: 'unsignedInt', type: 'Int', native: '@db.UnsignedInt', dbType: width('int(10) unsigned', 'int unsigned'), samples: [{ write: 0 }, { write: 4294967295 }] },
  { field: 'smallint', type: 'Int', native: '@db.SmallInt', dbType: width('smallint(6)', 'smallint'), samples: [{ write: -32768 }, { write: 32767 }] },
  { field: 'unsignedSmallInt', type: 'Int', native: '@db.UnsignedSmallInt', dbType: width('smallint(5) unsigned', 'smallint unsigned'), samples: [{ write: 0 }, { write: 65535 }] },
  { field: 'mediumint', type: 'Int', native: '@db.MediumInt', dbType: width('mediumint(9)', 'mediumint'), samples: [{ write: -8388608 }, { write: 8388607 }] },
  { field: 'unsignedMediumInt', type: 'Int', native: '@db.UnsignedMediumInt', dbType: width('mediumint(8) unsigned', 'mediumint unsigned'), samples: [{ write: 0 }, { write: 16777215 }] },
  { field: 'tinyint', type: 'Int', native: '@db.TinyInt', dbType: width('tinyint(4)', 'tinyint'), samples: [{ write: -128 }, { write: 127 }] },
  { field: 'unsignedTinyInt', type: 'Int', native: '@db.UnsignedTinyInt', dbType: width('tinyint(3) unsigned', 'tinyint unsigned'), samples: [{ write: 0 }, { write: 255 }] },
  { field: 'tinyintBool', type: 'Boolean', native: '@db.TinyInt', dbType: 'tinyint(1)', samples: [{ write: true }, { write: false }] },
  { field: 'unsignedTinyIntBool', type: 'Boolean', native: '@db.UnsignedTinyInt', dbType: width('tinyint(3) unsigned', 'tinyint unsigned'), samples: [{ write: true }, { write: false }] },
  { field: 'year', type: 'Int', native: '@db.Year', dbType: width('year(4)', 'year'), samples: [{ write: 1901 }, { write: 2155 }, { write: 2024 }] },
  { field: 'bigint', type: 'BigInt', native: '@db.BigInt', dbType: width('bigint(20)', 'bigint'), samples: [
    { write: -9223372036854775808n },
    { write: 9223372036854775807n },
    { write: 0n },
  ] },
  { field: 'unsignedBigInt', type: 'BigInt', native: '@db.UnsignedBigInt', dbType: width('bigint(20) unsigned', 'bigint unsigned'), samples: [
    { write: 0n },
    { write: 18446744073709551615n, note: '2^64 - 1' },
    { write: 9223372036854775808n, note: '2^63, past the signed range' },
  ] },
  { field: 'double', type: 'Float', native: '@db.Double', dbType: 'double', samples: [
    { write: 1.7976931348623157e308 },
    { write: 2.2250738585072014e-308, note: 'the smallest normal double (MySQL has no subnormals)' },
    { write: 0.1 + 0.2 },
    { write: -Math.PI },
  ] },
  { field: 'float', type: 'Float', native: '@db.Float', dbType: 'float', samples: [
    { write: 1.5 },
    { write: 0.1, note: 'read as the shortest text of the nearest FLOAT, as MySQL prints it' },
    { write: Math.PI, read: 3.1415927, note: 'FLOAT keeps about 7 significant digits' },
    { write: 16777217, read: 16777216, note: '2^24 + 1 has no FLOAT' },
    { write: 3.4028234663852886e38, read: 3.4028235e38 },
  ] },
  { field: 'decimal65', type: 'Decimal', native: '@db.Decimal(65, 30)', dbType: 'decimal(65,30)', samples: [
    { write: '12345678901234567890123456789012345.123456789012345678901234567891', note: 'all 65 digits' },
    { write: '-0.000000000000000000000000000001' },
    { write: '0.1234567890123456789012345678905', read: '0.123456789012345678901234567891', note: 'more decimals than the scale: rounded', foundBy: 'read' },
  ] },
  { field: 'decimal2', type: 'Decimal', native: '@db.Decimal(10, 2)', dbType: 'decimal(10,2)', samples: [
    { write: '99999999.99' },
    { write: '1.005', read: '1.01', foundBy: 'read' },
    { write: '-0.5' },
    { write: 12.34, read: '12.34', note: 'a number input reads as a string' },
  ] },
  { field: 'decimal', type: 'Decimal', native: '@db.Decimal', dbType: 'decimal(10,0)', samples: [
    { write: '1234567890' },
    { write: '1.5', read: '2', note: 'DECIMAL alone is DECIMAL(10,0)', foundBy: 'read' },
  ] },
  { field: 'datetime0', type: 'DateTime', native: '@db.DateTime(0)', dbType: 'datetime', samples: [
    { write: date('2024-02-29T12:34:56.000Z') },
    { write: date('2024-02-29T12:34:56.499Z'), read: date('2024-02-29T12:34:56.000Z'), foundBy: 'read' },
    {
      write: date('2024-02-29T12:34:56.500Z'),
      readOn: { MariaDB: date('2024-02-29T12:34:56.000Z'), MySQL: date('2024-02-29T12:34:57.000Z') },
      note: 'MariaDB truncates extra fractional digits, MySQL rounds them',
      foundBy: 'read',
    },
  ] },
  { field: 'datetime3', type: 'DateTime', native: '@db.DateTime(3)', dbType: 'datetime(3)', samples: [
    { write: date('2024-02-29T12:34:56.789Z') },
    { write: date('1000-01-01T00:00:00.000Z') },
    { write: date('9999-12-31T23:59:59.999Z') },
    { write: '2024-02-29T23:30:00.123-05:00', read: date('2024-03-01T04:30:00.123Z'), note: 'an offset is converted to UTC before it is stored' },
  ] },
  { field: 'datetime6', type: 'DateTime', native: '@db.DateTime(6)', dbType: 'datetime(6)', samples: [{ write: date('2024-02-29T12:34:56.789Z') }] },
  { field: 'datetime', type: 'DateTime', native: '@db.DateTime', dbType: 'datetime', samples: [{ write: date('2024-02-29T12:34:56.000Z') }] },
  { field: 'timestamp3', type: 'DateTime', native: '@db.Timestamp(3)', dbType: 'timestamp(3)', samples: [
    { write: date('2024-02-29T12:34:56.789Z') },
    { write: date('1970-01-01T00:00:01.000Z'), note: 'the first TIMESTAMP' },
    { write: date('2038-01-19T03:14:07.999Z'), note: 'the last TIMESTAMP' },
  ] },
  { field: 'timestamp', type: 'DateTime', native: '@db.Timestamp', dbType: 'timestamp', samples: [{ write: date('2024-02-29T12:34:56.000Z') }] },
  { field: 'date', type: 'DateTime', native: '@db.Date', dbType: 'date', samples: [
    { write: date('2024-02-29T00:00:00.000Z') },
    { write: date('2024-02-29T23:59:59.999Z'), read: date('2024-02-29T00:00:00.000Z'), note: 'the UTC date; the time is dropped' },
    { write: date('1000-01-01T00:00:00.000Z') },
  ] },
  { field: 'time3', type: 'DateTime', native: '@db.Time(3)', dbType: 'time(3)', samples: [
    { write: date('1970-01-01T10:11:12.345Z') },
    { write: date('2024-02-29T23:59:59.999Z'), read: date('1970-01-01T23:59:59.999Z'), note: 'the UTC time of day, on 1970-01-01' },
    { write: date('1970-01-01T00:00:00.000Z') },
  ] },
  { field: 'time', type: 'DateTime', native: '@db.Time', dbType: 'time', samples: [{ write: date('1970-01-01T10:11:12.000Z') }] },
  { field: 'json', type: 'Json', native: '@db.Json', dbType: { MariaDB: 'longtext', MySQL: 'json' }, samples: [{ write: json }, { write: [1, 'two', { three: 3 }] }, { write: 'a string' }, { write: 42 }, { write: true }] },
];

/** SQLite has no native types: each scalar's default column type, for comparison. */
const SQLITE: NativeColumn[] = [
  { field: 'string', type: 'String', native: null, dbType: 'TEXT', samples: [{ write: '' }, { write: 'ünïcødé 中文 😀 \'"\\ \n\t' }, { write: 'x'.repeat(100_000) }] },
  { field: 'boolean', type: 'Boolean', native: null, dbType: 'BOOLEAN', samples: [{ write: true }, { write: false }] },
  { field: 'int', type: 'Int', native: null, dbType: 'INTEGER', samples: [{ write: -2147483648 }, { write: 2147483647 }] },
  { field: 'bigint', type: 'BigInt', native: null, dbType: 'BIGINT', samples: [{ write: -9223372036854775808n }, { write: 9223372036854775807n }] },
  { field: 'float', type: 'Float', native: null, dbType: 'REAL', samples: [{ write: 1.7976931348623157e308 }, { write: 5e-324 }, { write: 0.1 + 0.2 }] },
  { field: 'decimal', type: 'Decimal', native: null, dbType: 'DECIMAL', samples: [
    { write: '19.99' },
    { write: '123456789.123456789', read: '123456789.123457', note: 'stored as a double, read at 15 significant digits', foundBy: 'written' },
    { write: '-0.5' },
  ] },
  { field: 'datetime', type: 'DateTime', native: null, dbType: 'DATETIME', samples: [
    { write: date('2024-02-29T12:34:56.789Z') },
    { write: date('1900-01-01T00:00:00.000Z') },
    { write: '2024-02-29T23:30:00.123-05:00', read: date('2024-03-01T04:30:00.123Z'), note: 'stored as UTC ISO text' },
  ] },
  { field: 'json', type: 'Json', native: null, dbType: 'JSONB', samples: [{ write: json }, { write: [1, 'two'] }, { write: 'a string' }] },
  { field: 'bytes', type: 'Bytes', native: null, dbType: 'BLOB', samples: [{ write: allBytes }, { write: bytes() }] },
];

export const COLUMNS: Record<TestProvider, NativeColumn[]> = { postgresql: POSTGRESQL, mysql: MYSQL, sqlite: SQLITE };

/**
 * A relation whose key has a native type: PostgreSQL's uuid (generated by the client), MySQL's
 * BIGINT UNSIGNED past the signed range. Relation loading batches these keys into one parameter.
 */
export const KEYED: Record<TestProvider, string> = {
  postgresql: `
model Owner {
  id    String @id @default(uuid()) @db.Uuid
  name  String
  items Item[]
}

model Item {
  id      Int    @id @default(autoincrement())
  owner   Owner  @relation(fields: [ownerId], references: [id])
  ownerId String @db.Uuid
}
`,
  mysql: `
model Owner {
  id    BigInt @id @db.UnsignedBigInt
  name  String
  items Item[]
}

model Item {
  id      Int    @id @default(autoincrement())
  owner   Owner  @relation(fields: [ownerId], references: [id])
  ownerId BigInt @db.UnsignedBigInt
}
`,
  sqlite: '',
};

/** Values past a column's limits: refused by the database (never cut or wrapped), nothing written. */
export const REFUSED: Record<TestProvider, [field: string, value: unknown, error: RegExp][]> = {
  postgresql: [
    ['varchar10', 'x'.repeat(11), /value too long for type character varying\(10\)/],
    ['char5', 'abcdef', /value too long for type character\(5\)/],
    ['smallint', 32768, /out of range for type smallint/],
    ['integer', 2147483648, /out of range for type integer/],
    ['bigint', 9223372036854775808n, /out of range for type bigint/],
    ['decimal2', '123456789.1', /numeric field overflow/],
    ['decimal2', '99999999.995', /numeric field overflow/],
    ['bit8', '101', /bit string length 3 does not match type bit\(8\)/],
    ['varbit16', '1'.repeat(17), /bit string too long for type bit varying\(16\)/],
    ['uuid', 'not-a-uuid', /invalid input syntax for type uuid/],
    ['inet', '300.1.1.1', /invalid input syntax for type inet/],
    ['xml', '<a>', /invalid XML content/],
    ['money', '92233720368547758.08', /out of range for type money/],
  ],
  mysql: [
    ['varchar10', 'x'.repeat(11), /Data too long for column 'varchar10'/],
    ['char5', 'abcdef', /Data too long for column 'char5'/],
    ['tinytext', 'x'.repeat(256), /Data too long for column 'tinytext'/],
    ['binary4', bytes(1, 2, 3, 4, 5), /Data too long for column 'binary4'/],
    ['tinyint', 128, /Out of range value for column 'tinyint'/],
    ['unsignedInt', -1, /Out of range value for column 'unsignedInt'/],
    ['unsignedInt', 4294967296, /Out of range value for column 'unsignedInt'/],
    ['unsignedBigInt', -1n, /Out of range value for column 'unsignedBigInt'/],
    ['decimal2', '123456789.1', /Out of range value for column 'decimal2'/],
    ['year', 2156, /Out of range value for column 'year'/],
    ['bit8', bytes(1, 0), /Data too long for column 'bit8'/],
    ['timestamp3', date('2038-01-19T03:14:08.000Z'), /Incorrect datetime value/],
  ],
  sqlite: [],
};
