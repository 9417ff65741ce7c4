/**
 * What a dialect (as configured) can express. The runtime reads these to choose a strategy
 * (e.g. RETURNING versus a follow-up SELECT); the compiler reads them to refuse, with a
 * `SqlCompileError('UNSUPPORTED')`, a node that would otherwise produce invalid SQL.
 */
export interface Capabilities {
  /** `INSERT .. RETURNING` and `DELETE .. RETURNING` (postgres; sqlite 3.35+; MariaDB 10.5+). */
  readonly returning: boolean;
  /** `UPDATE .. RETURNING` (postgres, sqlite 3.35+; not MariaDB). */
  readonly returningOnUpdate: boolean;
  /** `JOIN LATERAL (subquery)` (postgres; MySQL 8.0.14+). */
  readonly lateral: boolean;
  /** A native case-insensitive LIKE (postgres `ILIKE`); otherwise `LOWER(a) LIKE LOWER(b)`. */
  readonly ilike: boolean;
  /**
   * Plain LIKE is case-sensitive. False on sqlite (ASCII case-insensitive by default) and on
   * mysql (depends on the column collation; the default `_ci` collations are not).
   */
  readonly caseSensitiveLike: boolean;
  /** Native `NULLS FIRST` / `NULLS LAST`; otherwise emulated with an `IS NULL` sort term. */
  readonly nullsOrdering: boolean;
  /** `SELECT DISTINCT ON (..)` (postgres only). */
  readonly distinctOn: boolean;
  /** JSON object construction and JSON array aggregation, for loading relations in one statement. */
  readonly jsonAgg: boolean;
  /** ORDER BY inside the JSON array aggregate. */
  readonly jsonAggOrderBy: boolean;
  /** LIMIT / OFFSET inside the JSON array aggregate (MariaDB 10.5+). */
  readonly jsonAggLimit: boolean;
  /** `SELECT .. FOR UPDATE` takes row locks (sqlite: the clause is omitted). */
  readonly forUpdate: boolean;
  /** The `DEFAULT` keyword inside a VALUES row. */
  readonly defaultInValues: boolean;
  /** Several all-default rows in one INSERT (`() VALUES (), ()`, mysql only). */
  readonly multiRowDefaultValues: boolean;
  /** The upsert honours its conflict target (false on mysql: any unique key triggers it). */
  readonly upsertTarget: boolean;
  /** `DO UPDATE .. WHERE ..` in an upsert. */
  readonly upsertWhere: boolean;
  /** Booleans are a real type; otherwise they are stored and returned as 1/0 integers. */
  readonly nativeBoolean: boolean;
  /** The most placeholders one statement may carry (chunk createMany / large IN lists by it). */
  readonly maxParameters: number;
  /** Longer identifiers are truncated (postgres, silently) or rejected (mysql): keep aliases short. */
  readonly maxIdentifierLength: number;
}
