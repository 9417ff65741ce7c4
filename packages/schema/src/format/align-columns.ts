/** One declaration line of a block, cut into columns, with its trailing comment if any. */
export interface TableRow {
  cells: string[];
  comment: string | null;
}

/**
 * Lays rows out as a table: every column is padded to its widest cell among all rows, columns
 * are separated by one space, and trailing comments form a further column after the last one.
 * A column that is empty in every row takes no space. Lines carry no trailing whitespace.
 * Widths count code points, so a non-ASCII name or string does not throw the columns off.
 */
export function alignColumns(rows: readonly TableRow[]): string[] {
  const columnCount = Math.max(0, ...rows.map((r) => r.cells.length));
  const widths: number[] = [];
  for (let i = 0; i < columnCount; i++) {
    widths.push(Math.max(0, ...rows.map((r) => width(r.cells[i] ?? ''))));
  }
  return rows.map((row) => {
    const parts: string[] = [];
    for (let i = 0; i < columnCount; i++) {
      const w = widths[i]!;
      if (w === 0) continue;
      const cell = row.cells[i] ?? '';
      parts.push(cell + ' '.repeat(w - width(cell)));
    }
    const line = parts.join(' ');
    if (row.comment === null) return line.trimEnd();
    return line === '' ? row.comment : `${line} ${row.comment}`;
  });
}

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
