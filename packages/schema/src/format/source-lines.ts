import type { Span } from '../diagnostics/span.js';

/**
 * Line facts about the source, computed from offsets and `\n` alone. The formatter relies on
 * these rather than on the `line` fields of spans (which count a `\r` as a line break in some
 * tokens) and decides where blank lines go from the source itself, between the last line of
 * one item and the first line of the next, rather than from the AST's `BlankLine` markers:
 * those are computed from the line of the previous item in offset order, which is wrong after
 * a comment written inside a multi-line declaration (they report a blank line that is not there).
 */
export class SourceLines {
  private readonly starts: number[] = [0];
  private readonly blank: boolean[];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
    this.blank = source.split('\n').map((line) => line.trim() === '');
  }

  /** The 1-based line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  startLine(span: Span): number {
    return this.lineOf(span.start.offset);
  }

  /** The line of the last character of the span (its end is exclusive). */
  endLine(span: Span): number {
    return this.lineOf(Math.max(span.start.offset, span.end.offset - 1));
  }

  /** True when a whitespace-only line lies strictly between the 1-based lines `after` and `before`. */
  blankBetween(after: number, before: number): boolean {
    for (let line = Math.max(after + 1, 1); line < before; line++) {
      if (this.blank[line - 1]) return true;
    }
    return false;
  }
}
