import { add, cast, fn, jsonValue, lit, type Dialect, type ExpressionNode, type MysqlDialect } from '@kiln/sql';
import type { JsonField, JsonRelationHooks, JsonSortKey } from '../runtime-dialect.js';
import { mysqlCodec } from './mysql-codec.js';

/**
 * MySQL and MariaDB build relations with JSON_ARRAYAGG(JSON_ARRAY(...)) in correlated scalar
 * subqueries: neither lets a subquery in FROM see the row around it in a form both accept
 * (MariaDB has no LATERAL nor outer references in derived tables), so each relation is one
 * subquery over its table. MariaDB orders and pages inside JSON_ARRAYAGG; MySQL cannot
 * (https://dev.mysql.com/doc/refman/8.0/en/aggregate-functions.html#function_json-arrayagg), so
 * each row carries sort keys and the runtime orders and pages the decoded rows.
 *
 * Values go in as the text the driver would read (dates, BigInt, Decimal: CAST AS CHAR), or in a
 * form JSON keeps exactly: BIT(1) as 0/1, FLOAT widened to DOUBLE (the codec finds the float
 * again), bytes as base64. A BIT value or a blob inside JSON_ARRAY is not valid JSON text on
 * MariaDB, and MySQL writes blobs as "base64:type251:...".
 */
export const mysqlJsonRelations: JsonRelationHooks = {
  unsupported(dialect: Dialect): string | null {
    // JSON_ARRAYAGG came with MariaDB 10.5, as ORDER BY inside it (which the dialect reports).
    if ((dialect as MysqlDialect).flavor === 'mariadb' && !dialect.capabilities.jsonAggOrderBy) return 'MariaDB before 10.5 has no JSON_ARRAYAGG';
    return null;
  },
  lateral: false,
  correlatedDerivedTables: false,
  field(column, field, enumValues): JsonField {
    const decode = mysqlCodec.decoder(field, enumValues);
    if (field.kind !== 'scalar') return { expr: column, decode };
    const native = field.nativeType?.name;
    switch (field.type) {
      case 'BigInt':
      case 'Decimal':
      case 'DateTime':
        return { expr: cast(column, 'text'), decode };
      case 'Float':
        return { expr: native === 'Float' ? cast(column, 'double') : column, decode };
      case 'Boolean':
        return { expr: native === 'Bit' ? cast(column, 'integer') : column, decode };
      case 'Bytes':
        // TO_BASE64 breaks lines every 76 characters; Buffer.from skips them.
        return { expr: fn('TO_BASE64', column), decode: (v) => Buffer.from(v as string, 'base64') };
      case 'Json':
        // MariaDB: JSON_EXTRACT(.., '$'), so JSON_ARRAY embeds the value, not its text.
        return { expr: jsonValue(column), decode: null };
      default:
        return { expr: column, decode };
    }
  },
  sortKey(expr, field): JsonSortKey | null {
    if (field === null) return { expr, compare: 'number' };
    if (field.kind === 'enum') return { expr: cast(add(expr, lit(0)), 'text'), compare: 'decimal' }; // ENUM sorts by its index
    if (field.kind !== 'scalar') return null;
    const native = field.nativeType?.name;
    switch (field.type) {
      case 'Int':
        return { expr, compare: 'number' };
      case 'Float':
        return { expr: native === 'Float' ? cast(expr, 'double') : expr, compare: 'number' };
      case 'Boolean':
        return { expr: native === 'Bit' ? cast(expr, 'integer') : expr, compare: 'number' };
      case 'BigInt':
      case 'Decimal':
        return { expr: cast(expr, 'text'), compare: 'decimal' };
      case 'DateTime':
        // `+ 0`: the number YYYYMMDDhhmmss.fff (TIME: hhmmss.fff, negative ones too), in order.
        return { expr: cast(add(expr, lit(0)), 'text'), compare: 'decimal' };
      case 'String':
        // The collation's sort key, compared byte by byte as hex.
        return { expr: fn('HEX', fn('WEIGHT_STRING', expr)), compare: 'text' };
      case 'Bytes':
        return native === 'Bit' ? { expr: cast(add(expr, lit(0)), 'text'), compare: 'decimal' } : { expr: fn('HEX', expr), compare: 'text' };
      default:
        // JSON orders by its own rules: leave it to the database ('query').
        return null;
    }
  },
  statementPrefix(dialect: Dialect): string {
    // MariaDB cuts JSON_ARRAYAGG at group_concat_max_len bytes (1 MB by default), leaving text
    // that does not parse: lift the cap for this statement (4294967295 is the largest value).
    // https://mariadb.com/kb/en/json_arrayagg/, https://mariadb.com/kb/en/set-statement/
    return (dialect as MysqlDialect).flavor === 'mariadb' ? 'SET STATEMENT group_concat_max_len = 4294967295 FOR ' : '';
  },
};
