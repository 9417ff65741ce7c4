import type { ScalarType } from '@kiln/schema';
import type { Column } from '../../../changes/database-objects.js';
import { LintDialect } from '../../lint-dialect.js';
import { shapes, type TypeFacts, type TypeShape } from '../../type-facts.js';

/**
 * The renderer's type for each scalar on SQLite (src/dialects/sqlite), with what it holds.
 * SQLite keeps a type affinity, not a size (https://www.sqlite.org/datatype3.html): every integer
 * is up to 8 bytes, TEXT has no length, DECIMAL has NUMERIC affinity. So on SQLite Int to BigInt
 * and back narrows nothing, while String to Int still converts: text that is not a number stays
 * text in an INTEGER column, which the client cannot read as a number. Kiln writes DateTime as
 * ISO-8601 text with milliseconds.
 */
const TYPES: Record<ScalarType, TypeShape & { sql: string }> = {
  String: shapes.text('TEXT', null),
  Boolean: shapes.boolean('BOOLEAN'),
  Int: shapes.integer('INTEGER', 64),
  BigInt: shapes.integer('BIGINT', 64),
  Float: shapes.float('REAL', 64),
  Decimal: shapes.decimal('DECIMAL', null, null),
  DateTime: shapes.temporal('DATETIME', 'dateTime', 3),
  Json: shapes.json('JSONB'),
  Bytes: shapes.bytes('BLOB', null),
};

export class SqliteLintDialect extends LintDialect {
  readonly provider = 'sqlite';

  columnFacts(column: Column): TypeFacts {
    const t = column.type;
    let shape: TypeShape & { sql: string };
    switch (t.kind) {
      case 'enum':
        // A TEXT column whose CHECK allows the enum's values.
        shape = { sql: `TEXT CHECK IN (${t.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`, family: 'enum', name: t.enum, values: t.values };
        break;
      case 'unsupported':
        shape = shapes.other(t.sql);
        break;
      case 'scalar':
        // SQLite has no native types (the renderer refuses them); an autoincrement id is INTEGER, the rowid.
        shape = column.autoincrement ? shapes.integer('INTEGER', 64) : TYPES[t.scalar];
        break;
    }
    return { ...shape, sql: t.list ? `${shape.sql}[]` : shape.sql, list: t.list };
  }
}
