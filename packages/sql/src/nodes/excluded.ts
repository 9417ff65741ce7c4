/**
 * In an upsert's update list, the value the INSERT tried to write: `excluded."col"` on
 * sqlite/postgres, `VALUES(\`col\`)` on mysql (the form MariaDB also understands).
 */
export interface ExcludedNode {
  readonly kind: 'Excluded';
  readonly column: string;
}

export function excluded(column: string): ExcludedNode {
  return { kind: 'Excluded', column };
}
