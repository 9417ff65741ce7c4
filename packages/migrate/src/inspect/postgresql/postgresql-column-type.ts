import type { NativeType, ScalarType } from '@kiln/schema';
import type { ColumnType, QualifiedName } from '../../changes/database-objects.js';

/** A column's type as pg_catalog describes it. */
export interface PostgresTypeRow {
  /** `format_type` of the element type for an array, else of the type, with the column's typmod. */
  base: string;
  /** The type is an array (`typcategory = 'A'`). */
  array: boolean;
  /** `typtype` of the (element) type: `e` for an enum. */
  typtype: string;
  /** The (element) type's schema and name. */
  typeSchema: string;
  typeName: string;
}

type Mapping = { scalar: ScalarType; native: NativeType | null };

const native = (name: string, ...args: (string | undefined)[]): NativeType => ({ name, args: args.filter((a): a is string => a !== undefined) });

/**
 * PostgreSQL types without arguments and what they read back as. A type that is Prisma's default
 * for its scalar (postgresql-ddl-renderer.ts: DEFAULT_TYPES) has no native type, so a column
 * created from `String` reads back as `String`, not `String @db.Text`.
 */
const FIXED: Readonly<Record<string, Mapping>> = {
  text: { scalar: 'String', native: null },
  integer: { scalar: 'Int', native: null },
  smallint: { scalar: 'Int', native: native('SmallInt') },
  bigint: { scalar: 'BigInt', native: null },
  boolean: { scalar: 'Boolean', native: null },
  'double precision': { scalar: 'Float', native: null },
  real: { scalar: 'Float', native: native('Real') },
  jsonb: { scalar: 'Json', native: null },
  json: { scalar: 'Json', native: native('Json') },
  bytea: { scalar: 'Bytes', native: null },
  uuid: { scalar: 'String', native: native('Uuid') },
  xml: { scalar: 'String', native: native('Xml') },
  inet: { scalar: 'String', native: native('Inet') },
  citext: { scalar: 'String', native: native('Citext') },
  oid: { scalar: 'Int', native: native('Oid') },
  money: { scalar: 'Decimal', native: native('Money') },
  date: { scalar: 'DateTime', native: native('Date') },
};

/** Types with a length, precision or scale, as `format_type` spells them. */
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Mapping][] = [
  [/^character varying(?:\((\d+)\))?$/, (m) => ({ scalar: 'String', native: native('VarChar', m[1]) })],
  [/^character(?:\((\d+)\))?$/, (m) => ({ scalar: 'String', native: native('Char', m[1]) })],
  [/^bit varying(?:\((\d+)\))?$/, (m) => ({ scalar: 'String', native: native('VarBit', m[1]) })],
  [/^bit(?:\((\d+)\))?$/, (m) => ({ scalar: 'String', native: native('Bit', m[1]) })],
  // DECIMAL(65,30) is Prisma's Decimal.
  [/^numeric(?:\((\d+),(\d+)\))?$/, (m) => ({ scalar: 'Decimal', native: m[1] === '65' && m[2] === '30' ? null : native('Decimal', m[1], m[2]) })],
  // TIMESTAMP(3) is Prisma's DateTime.
  [/^timestamp(?:\((\d+)\))? without time zone$/, (m) => ({ scalar: 'DateTime', native: m[1] === '3' ? null : native('Timestamp', m[1]) })],
  [/^timestamp(?:\((\d+)\))? with time zone$/, (m) => ({ scalar: 'DateTime', native: native('Timestamptz', m[1]) })],
  [/^time(?:\((\d+)\))? without time zone$/, (m) => ({ scalar: 'DateTime', native: native('Time', m[1]) })],
  [/^time(?:\((\d+)\))? with time zone$/, (m) => ({ scalar: 'DateTime', native: native('Timetz', m[1]) })],
];

function mapBase(base: string): Mapping | null {
  // An extension's type outside the search path comes back schema-qualified (`public.citext`).
  const unqualified = base.replace(/^(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.(?=citext$)/, '');
  const fixed = Object.hasOwn(FIXED, unqualified) ? FIXED[unqualified] : undefined;
  if (fixed !== undefined) return fixed;
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(unqualified);
    if (m !== null) return make(m);
  }
  return null;
}

/**
 * The ColumnType of a PostgreSQL column: a scalar with its native type, an enum (`values`
 * looked up by `enumValues`), or `Unsupported` with the type as `format_type` writes it.
 */
export function postgresColumnType(
  row: PostgresTypeRow,
  enumName: (schema: string, name: string) => QualifiedName,
  enumValues: (schema: string, name: string) => string[] | undefined,
): ColumnType {
  const list = row.array;
  if (row.typtype === 'e') {
    const values = enumValues(row.typeSchema, row.typeName);
    if (values !== undefined) return { kind: 'enum', enum: enumName(row.typeSchema, row.typeName), values, list };
  }
  const mapped = mapBase(row.base);
  if (mapped === null) return { kind: 'unsupported', sql: row.base, list };
  return { kind: 'scalar', scalar: mapped.scalar, nativeType: mapped.native, list };
}
