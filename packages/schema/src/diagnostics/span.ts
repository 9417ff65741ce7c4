/** A position in a source file. `line` and `column` are 1-based; `offset` is 0-based. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open range `[start, end)` of one source file. */
export interface Span {
  file: string;
  start: Position;
  end: Position;
}

export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end };
}
