import type { QualifiedName } from '../../changes/database-objects.js';
import { doBlock } from './postgresql-do-block.js';

/** What the sequence renderer needs from the PostgreSQL renderer. */
export interface SerialSequenceParts {
  name(name: QualifiedName): string;
  literal(value: string): string;
}

/** The integer types a sequence may have (`CREATE SEQUENCE ... AS`), as the renderer spells the column types. */
const SEQUENCE_TYPES: Readonly<Record<string, string>> = { SMALLINT: 'smallint', INTEGER: 'integer', BIGINT: 'bigint' };

/**
 * Makes `column` of `table` a serial column of `type` (its integer type as rendered): the column
 * gets a sequence it owns, of that type, as a SERIAL column has, and the default nextval of it
 * (https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-SERIAL).
 *
 * The sequence is found with `pg_get_serial_sequence`, whatever it is called (a renamed table's
 * sequence keeps its old name), and retyped with `ALTER SEQUENCE ... AS`, which also widens its
 * range when it had its old type's full range: a SERIAL's sequence is `AS integer`, so a column
 * made BIGINT would otherwise still fail at 2147483647
 * (https://www.postgresql.org/docs/current/sql-altersequence.html). Only when the column owns
 * none is one created, named as SERIAL names it (`<table>_<column>_seq`, with a number where
 * that is taken). The counter then moves past the largest id if it is behind, and never back:
 * ids handed out before (rows deleted since) are not handed out again.
 */
export function renderSerialSequence(table: QualifiedName, column: string, type: string, parts: SerialSequenceParts): string {
  const tableText = parts.literal(parts.name(table));
  const as = SEQUENCE_TYPES[type.toUpperCase()];
  const asClause = as === undefined ? '' : ` AS ${as}`;
  const schema = table.schema === null ? 'current_schema()' : parts.literal(table.schema);
  const base = parts.literal(`${table.name}_${column}_seq`);
  const col = parts.literal(column);
  return doBlock(
    [
      'IF seq IS NULL THEN',
      `  candidate := ${base};`,
      `  WHILE to_regclass(format('%I.%I', ${schema}, candidate)) IS NOT NULL LOOP`,
      '    n := n + 1;',
      `    candidate := ${base} || n;`,
      '  END LOOP;',
      `  seq := format('%I.%I', ${schema}, candidate);`,
      `  EXECUTE format('CREATE SEQUENCE %s${asClause} OWNED BY %s.%I', seq, ${tableText}, ${col});`,
      ...(as === undefined ? [] : ['ELSE', `  EXECUTE format('ALTER SEQUENCE %s${asClause}', seq);`]),
      'END IF;',
      `EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', ${tableText}, ${col}, seq);`,
      `EXECUTE format('SELECT COALESCE(MAX(%I), 0) + 1 FROM %s', ${col}, ${tableText}) INTO next_id;`,
      `EXECUTE format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s', seq) INTO current_id;`,
      'IF next_id > current_id THEN',
      '  PERFORM setval(seq::regclass, next_id, false);',
      'END IF;',
    ],
    [
      `seq text := pg_get_serial_sequence(${tableText}, ${parts.literal(column)});`,
      'candidate text;',
      'n integer := 0;',
      'next_id bigint;',
      'current_id bigint;',
    ],
  );
}
