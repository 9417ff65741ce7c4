import type { NativeType, ScalarType } from '@kiln/schema';
import type { ColumnType, QualifiedName } from '../../changes/database-objects.js';
import { mysqlQuotedList } from './mysql-string-literal.js';

type Mapping = { scalar: ScalarType; native: NativeType | null };

const native = (name: string, ...args: (string | undefined)[]): NativeType => ({ name, args: args.filter((a): a is string => a !== undefined) });
const of = (scalar: ScalarType, native: NativeType | null = null): Mapping => ({ scalar, native });

/** Integer types by name: [signed native type, unsigned native type, scalar]. INT is Prisma's Int, BIGINT its BigInt. */
const INTEGERS: Readonly<Record<string, [string | null, string, ScalarType]>> = {
  tinyint: ['TinyInt', 'UnsignedTinyInt', 'Int'],
  smallint: ['SmallInt', 'UnsignedSmallInt', 'Int'],
  mediumint: ['MediumInt', 'UnsignedMediumInt', 'Int'],
  int: [null, 'UnsignedInt', 'Int'],
  integer: [null, 'UnsignedInt', 'Int'],
  bigint: [null, 'UnsignedBigInt', 'BigInt'],
};

/** Types without arguments. Prisma's defaults (mysql-ddl-renderer.ts: DEFAULT_TYPES) have no native type. */
const FIXED: Readonly<Record<string, Mapping>> = {
  tinytext: of('String', native('TinyText')),
  text: of('String', native('Text')),
  mediumtext: of('String', native('MediumText')),
  longtext: of('String', native('LongText')),
  tinyblob: of('Bytes', native('TinyBlob')),
  blob: of('Bytes', native('Blob')),
  mediumblob: of('Bytes', native('MediumBlob')),
  longblob: of('Bytes'),
  double: of('Float'),
  'double precision': of('Float'),
  float: of('Float', native('Float')),
  date: of('DateTime', native('Date')),
  json: of('Json'),
};

/**
 * The ColumnType of a MySQL or MariaDB column from `COLUMN_TYPE` (`varchar(191)`, `int(10)
 * unsigned`, `enum('a','b')`; MariaDB and MySQL 5.7 write integer display widths, MySQL 8
 * does not). `enumName` names the column's inline ENUM, which has no name of its own.
 */
export function mysqlColumnType(columnType: string, enumName: () => QualifiedName): ColumnType {
  const full = columnType.trim();
  const m = /^([a-z ]+?)(?:\((.*)\))?((?:\s+(?:unsigned|signed|zerofill))*)$/is.exec(full);
  if (m === null) return { kind: 'unsupported', sql: full, list: false };
  const name = m[1]!.toLowerCase();
  const args = m[2];
  const unsigned = /unsigned/i.test(m[3] ?? '');
  if (name === 'enum' && args !== undefined) {
    const values = mysqlQuotedList(args);
    if (values !== null) return { kind: 'enum', enum: enumName(), values, list: false };
  }
  const mapped = mapType(name, args, unsigned);
  if (mapped === null) return { kind: 'unsupported', sql: full, list: false };
  return { kind: 'scalar', scalar: mapped.scalar, nativeType: mapped.native, list: false };
}

function mapType(name: string, args: string | undefined, unsigned: boolean): Mapping | null {
  const numbers = args === undefined ? [] : args.split(',').map((a) => a.trim());
  if (!numbers.every((a) => /^\d+$/.test(a))) return null;
  const [a, b] = numbers;
  // BOOLEAN is TINYINT(1) (https://dev.mysql.com/doc/refman/8.0/en/numeric-type-syntax.html).
  if (name === 'tinyint' && a === '1' && !unsigned) return of('Boolean');
  const int = Object.hasOwn(INTEGERS, name) ? INTEGERS[name] : undefined;
  if (int !== undefined) {
    const [signed, unsignedName, scalar] = int;
    const nativeName = unsigned ? unsignedName : signed;
    return of(scalar, nativeName === null ? null : native(nativeName));
  }
  if (unsigned) return null;
  // MariaDB shows YEAR with its display width: `year(4)`.
  if (name === 'year') return of('Int', native('Year'));
  const fixed = Object.hasOwn(FIXED, name) ? FIXED[name] : undefined;
  if (fixed !== undefined) return numbers.length === 0 ? fixed : null;
  switch (name) {
    case 'varchar':
      return a === '191' ? of('String') : of('String', native('VarChar', a));
    case 'char':
      return of('String', native('Char', a));
    case 'binary':
      return of('Bytes', native('Binary', a));
    case 'varbinary':
      return of('Bytes', native('VarBinary', a));
    // BIT(1) is a flag (Prisma reads it as Boolean), wider BITs are bytes.
    case 'bit':
      return a === undefined || a === '1' ? of('Boolean', native('Bit', a ?? '1')) : of('Bytes', native('Bit', a));
    case 'decimal':
    case 'numeric':
      // DECIMAL(65,30) is Prisma's Decimal.
      return a === '65' && b === '30' ? of('Decimal') : of('Decimal', native('Decimal', a, b));
    // DATETIME(3) is Prisma's DateTime. MySQL shows a precision of 0 as no precision (`datetime`);
    // Prisma's introspection writes it as (0), and so does this.
    case 'datetime':
      return a === '3' ? of('DateTime') : of('DateTime', native('DateTime', a ?? '0'));
    case 'timestamp':
      return of('DateTime', native('Timestamp', a ?? '0'));
    case 'time':
      return of('DateTime', native('Time', a ?? '0'));
    default:
      return null;
  }
}
