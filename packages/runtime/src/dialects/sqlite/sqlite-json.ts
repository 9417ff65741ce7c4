import { caseWhen, cast, fn, isNotNull, jsonValue, NULL, when, type Dialect } from '@kiln/sql';
import type { JsonField, JsonRelationHooks } from '../runtime-dialect.js';
import { sqliteCodec } from './sqlite-codec.js';

/**
 * SQLite builds relations with json_group_array(json_array(...)) in correlated subqueries
 * (https://www.sqlite.org/json1.html). JSON numbers keep every bit of a REAL (17 significant
 * digits), so only INTEGER values past 2^53 (BigInt: sent as text) and BLOBs (which JSON cannot
 * hold at all: sent as hex) need converting. Json columns hold text: json() embeds it as JSON.
 */
export const sqliteJsonRelations: JsonRelationHooks = {
  unsupported(dialect: Dialect): string | null {
    // Ordering inside json_group_array needs SQLite 3.44; the driver's build reports it.
    return dialect.capabilities.jsonAggOrderBy ? null : 'SQLite before 3.44 cannot order inside json_group_array';
  },
  lateral: false,
  correlatedDerivedTables: true,
  field(column, field, enumValues): JsonField {
    const decode = sqliteCodec.decoder(field, enumValues);
    if (field.kind !== 'scalar') return { expr: column, decode };
    switch (field.type) {
      case 'BigInt':
        return { expr: cast(column, 'text'), decode: (v) => BigInt(v as string) };
      case 'Bytes':
        // hex(NULL) is '', as is hex of an empty blob: NULL must stay NULL.
        return { expr: caseWhen([when(isNotNull(column), fn('hex', column))], NULL), decode: (v) => Buffer.from(v as string, 'hex') };
      case 'Json':
        return { expr: jsonValue(column), decode: null };
      default:
        return { expr: column, decode };
    }
  },
  sortKey: () => null,
  statementPrefix: () => '',
};
