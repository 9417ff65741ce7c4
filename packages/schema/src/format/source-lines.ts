/**
 * Which lines of the source are blank. The formatter decides where blank lines go from the
 * source itself, between the last line of one item and the first line of the next, rather
 * than from the AST's `BlankLine` markers: those are computed from the line of the previous
 * item in offset order, which is wrong after a comment written inside a multi-line
 * declaration (it reports a blank line that is not there).
 */
export class SourceLines {
  private readonly blank: boolean[];

  constructor(source: string) {
    this.blank = source.split('\n').map((line) => line.trim() === '');
  }

  /** True when a whitespace-only line lies strictly between the 1-based lines `after` and `before`. */
  blankBetween(after: number, before: number): boolean {
    for (let line = Math.max(after + 1, 1); line < before; line++) {
      if (this.blank[line - 1]) return true;
    }
    return false;
  }
}
