import type { ScalarType } from '@kiln/schema';
import type { Column } from '../../../changes/database-objects.js';
import { LintDialect } from '../../lint-dialect.js';
import { numericArg, shapes, spell, type NativeTypeFacts, type TypeFacts, type TypeShape } from '../../type-facts.js';

/** Dates MySQL's DATETIME and DATE accept, and TIMESTAMP's (https://dev.mysql.com/doc/refman/8.0/en/datetime.html). */
const DATETIME_YEARS = [1000, 9999] as const;
const TIMESTAMP_YEARS = [1970, 2038] as const;

/**
 * `@db.X` on MySQL and MariaDB as the DDL renderer spells them (src/dialects/mysql), with what each
 * holds (https://dev.mysql.com/doc/refman/8.0/en/data-types.html). The TEXT types hold bytes:
 * Kiln's tables are utf8mb4, up to 4 bytes a character, so TEXT (65,535 bytes) is counted as
 * 16,383 characters. DECIMAL without arguments is DECIMAL(10,0); DATETIME, TIMESTAMP and TIME
 * without arguments keep whole seconds.
 */
const NATIVE_TYPES: Record<string, NativeTypeFacts> = {
  VarChar: (a) => shapes.text(spell('VARCHAR', a), numericArg(a, 0, null)),
  Text: () => shapes.text('TEXT', 16_383),
  Char: (a) => shapes.text(spell('CHAR', a), numericArg(a, 0, 1), true),
  TinyText: () => shapes.text('TINYTEXT', 63),
  MediumText: () => shapes.text('MEDIUMTEXT', 4_194_303),
  LongText: () => shapes.text('LONGTEXT', 1_073_741_823),
  Bit: (a) => shapes.bits(spell('BIT', a), numericArg(a, 0, 1), false),
  Binary: (a) => shapes.bytes(spell('BINARY', a), numericArg(a, 0, 1), true),
  VarBinary: (a) => shapes.bytes(spell('VARBINARY', a), numericArg(a, 0, null)),
  TinyBlob: () => shapes.bytes('TINYBLOB', 255),
  Blob: () => shapes.bytes('BLOB', 65_535),
  MediumBlob: () => shapes.bytes('MEDIUMBLOB', 16_777_215),
  LongBlob: () => shapes.bytes('LONGBLOB', 4_294_967_295),
  Int: () => shapes.integer('INTEGER', 32),
  UnsignedInt: () => shapes.integer('INTEGER UNSIGNED', 32, true),
  SmallInt: () => shapes.integer('SMALLINT', 16),
  UnsignedSmallInt: () => shapes.integer('SMALLINT UNSIGNED', 16, true),
  MediumInt: () => shapes.integer('MEDIUMINT', 24),
  UnsignedMediumInt: () => shapes.integer('MEDIUMINT UNSIGNED', 24, true),
  TinyInt: () => shapes.integer('TINYINT', 8),
  UnsignedTinyInt: () => shapes.integer('TINYINT UNSIGNED', 8, true),
  Year: () => shapes.temporal('YEAR', 'year', 0, { years: [1901, 2155] }),
  BigInt: () => shapes.integer('BIGINT', 64),
  UnsignedBigInt: () => shapes.integer('BIGINT UNSIGNED', 64, true),
  Double: () => shapes.float('DOUBLE', 64),
  Float: () => shapes.float('FLOAT', 32),
  Decimal: (a) => shapes.decimal(spell('DECIMAL', a, ', '), numericArg(a, 0, 10), numericArg(a, 1, 0)),
  DateTime: (a) => shapes.temporal(spell('DATETIME', a), 'dateTime', numericArg(a, 0, 0), { years: DATETIME_YEARS }),
  Timestamp: (a) => shapes.temporal(spell('TIMESTAMP', a), 'dateTime', numericArg(a, 0, 0), { zone: true, years: TIMESTAMP_YEARS }),
  Date: () => shapes.temporal('DATE', 'date', 0, { years: DATETIME_YEARS }),
  Time: (a) => shapes.temporal(spell('TIME', a), 'time', numericArg(a, 0, 0)),
  Json: () => shapes.json('JSON'),
};

/** The renderer's type for a scalar without `@db.X` (Prisma Migrate's defaults). */
const DEFAULT_TYPES: Record<ScalarType, TypeShape & { sql: string }> = {
  String: shapes.text('VARCHAR(191)', 191),
  Boolean: shapes.boolean('BOOLEAN'),
  Int: shapes.integer('INTEGER', 32),
  BigInt: shapes.integer('BIGINT', 64),
  Float: shapes.float('DOUBLE', 64),
  Decimal: shapes.decimal('DECIMAL(65, 30)', 65, 30),
  DateTime: shapes.temporal('DATETIME(3)', 'dateTime', 3, { years: DATETIME_YEARS }),
  Json: shapes.json('JSON'),
  Bytes: shapes.bytes('LONGBLOB', 4_294_967_295),
};

export class MysqlLintDialect extends LintDialect {
  readonly provider = 'mysql';

  columnFacts(column: Column): TypeFacts {
    const t = column.type;
    let shape: TypeShape & { sql: string };
    switch (t.kind) {
      case 'enum':
        shape = { sql: `ENUM(${t.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`, family: 'enum', name: t.enum, values: t.values };
        break;
      case 'unsupported':
        shape = shapes.other(t.sql);
        break;
      case 'scalar': {
        const native = t.nativeType;
        if (native === null) shape = DEFAULT_TYPES[t.scalar];
        // TINYINT on a Boolean field is BOOLEAN, MySQL's alias of TINYINT(1), as the renderer writes it.
        else if (native.name === 'TinyInt' && t.scalar === 'Boolean') shape = shapes.boolean('BOOLEAN');
        else {
          const facts = Object.hasOwn(NATIVE_TYPES, native.name) ? NATIVE_TYPES[native.name] : undefined;
          shape = facts?.(native.args) ?? shapes.other(spell(native.name, native.args));
        }
        break;
      }
    }
    // MySQL has no list columns (the renderer refuses them); kept apart so a change to one is seen.
    return { ...shape, sql: t.list ? `${shape.sql}[]` : shape.sql, list: t.list };
  }
}
