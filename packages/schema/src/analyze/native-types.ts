import type { Provider, ScalarType } from '../ir/types.js';

/** One `@db.X` type: the scalar types it may annotate and how many arguments it takes. */
export interface NativeTypeSpec {
  scalars: readonly ScalarType[];
  /** [min, max] argument count. */
  args: readonly [number, number];
}

const t = (scalars: ScalarType[], min = 0, max = min): NativeTypeSpec => ({ scalars, args: [min, max] });

/**
 * Native types per provider, as Prisma defines them, so existing schemas validate unchanged.
 * PostgreSQL: https://www.postgresql.org/docs/current/datatype.html
 * MySQL: https://dev.mysql.com/doc/refman/8.0/en/data-types.html
 * SQLite has no native type attributes: its columns have type affinity only.
 */
export const NATIVE_TYPES: Record<Provider, Record<string, NativeTypeSpec>> = {
  postgresql: {
    Text: t(['String']),
    Char: t(['String'], 0, 1),
    VarChar: t(['String'], 0, 1),
    Bit: t(['String'], 0, 1),
    VarBit: t(['String'], 0, 1),
    Uuid: t(['String']),
    Xml: t(['String']),
    Inet: t(['String']),
    Citext: t(['String']),
    Boolean: t(['Boolean']),
    Integer: t(['Int']),
    SmallInt: t(['Int']),
    Oid: t(['Int']),
    BigInt: t(['BigInt']),
    DoublePrecision: t(['Float']),
    Real: t(['Float']),
    Decimal: t(['Decimal'], 0, 2),
    Money: t(['Decimal']),
    Timestamp: t(['DateTime'], 0, 1),
    Timestamptz: t(['DateTime'], 0, 1),
    Date: t(['DateTime']),
    Time: t(['DateTime'], 0, 1),
    Timetz: t(['DateTime'], 0, 1),
    Json: t(['Json']),
    JsonB: t(['Json']),
    ByteA: t(['Bytes']),
  },
  mysql: {
    VarChar: t(['String'], 1),
    Text: t(['String']),
    Char: t(['String'], 1),
    TinyText: t(['String']),
    MediumText: t(['String']),
    LongText: t(['String']),
    Bit: t(['Boolean', 'Bytes'], 1),
    Binary: t(['Bytes'], 1),
    VarBinary: t(['Bytes'], 1),
    TinyBlob: t(['Bytes']),
    Blob: t(['Bytes']),
    MediumBlob: t(['Bytes']),
    LongBlob: t(['Bytes']),
    Int: t(['Int']),
    UnsignedInt: t(['Int']),
    SmallInt: t(['Int']),
    UnsignedSmallInt: t(['Int']),
    MediumInt: t(['Int']),
    UnsignedMediumInt: t(['Int']),
    TinyInt: t(['Int', 'Boolean']),
    UnsignedTinyInt: t(['Int', 'Boolean']),
    Year: t(['Int']),
    BigInt: t(['BigInt']),
    UnsignedBigInt: t(['BigInt']),
    Double: t(['Float']),
    Float: t(['Float']),
    Decimal: t(['Decimal'], 0, 2),
    DateTime: t(['DateTime'], 0, 1),
    Timestamp: t(['DateTime'], 0, 1),
    Date: t(['DateTime']),
    Time: t(['DateTime'], 0, 1),
    Json: t(['Json']),
  },
  sqlite: {},
};
