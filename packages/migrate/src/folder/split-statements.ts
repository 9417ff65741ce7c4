import type { Provider } from '@kiln/schema';

/** One statement of an SQL script. */
export interface SqlStatement {
  /** The statement as written, without the comments before it and without its final `;`. */
  sql: string;
  /** The 1-based line the statement starts on. */
  line: number;
  /** The names of the `-- kiln:<name>` directive comments between the previous statement and this one. */
  directives: string[];
}

/** A script that cannot be split: an unterminated string, comment or block, or a misplaced directive. */
export class SqlSplitError extends Error {
  override readonly name = 'SqlSplitError';

  constructor(
    readonly reason: string,
    /** The 1-based line of the problem. */
    readonly line: number,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * How a database reads the text between statements. Everything that differs by database is
 * here, so the splitter itself never asks which database it splits for.
 */
interface Lexicon {
  /** Backslash escapes inside '...' and "..." (MySQL: https://dev.mysql.com/doc/refman/8.0/en/string-literals.html). */
  backslashEscapes: boolean;
  /** `` `name` `` quotes an identifier (MySQL, SQLite). */
  backticks: boolean;
  /** `$tag$ ... $tag$` (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-DOLLAR-QUOTING). */
  dollarQuotes: boolean;
  /** `E'...'` strings with backslash escapes (PostgreSQL). */
  escapeStrings: boolean;
  /** Block comments nest (PostgreSQL). */
  nestedBlockComments: boolean;
  /** `[name]` quotes an identifier (SQLite: https://www.sqlite.org/lang_keywords.html). */
  bracketIdentifiers: boolean;
  /** `# comment` (MySQL). */
  hashComments: boolean;
  /** `--` starts a comment only when followed by a space or control character (MySQL: https://dev.mysql.com/doc/refman/8.0/en/ansi-diff-comments.html). */
  dashCommentNeedsSpace: boolean;
}

const LEXICONS: Record<Provider, Lexicon> = {
  sqlite: {
    backslashEscapes: false,
    backticks: true,
    dollarQuotes: false,
    escapeStrings: false,
    nestedBlockComments: false,
    bracketIdentifiers: true,
    hashComments: false,
    dashCommentNeedsSpace: false,
  },
  postgresql: {
    backslashEscapes: false,
    backticks: false,
    dollarQuotes: true,
    escapeStrings: true,
    nestedBlockComments: true,
    bracketIdentifiers: false,
    hashComments: false,
    dashCommentNeedsSpace: false,
  },
  mysql: {
    backslashEscapes: true,
    backticks: true,
    dollarQuotes: false,
    escapeStrings: false,
    nestedBlockComments: false,
    bracketIdentifiers: false,
    hashComments: true,
    dashCommentNeedsSpace: true,
  },
};

/** `-- kiln:no-transaction`: a line comment that is nothing but a directive. */
const DIRECTIVE = /^--[ \t]*kiln:([a-z][a-z0-9-]*)[ \t]*$/;

/** Statement heads whose bodies may hold `;` inside BEGIN ... END (triggers, routines). */
const ROUTINE_WORDS = new Set(['TRIGGER', 'FUNCTION', 'PROCEDURE', 'EVENT']);
/** Other objects CREATE makes: a routine word after one of these is a name (`CREATE TABLE trigger`). */
const OBJECT_WORDS = new Set(['TABLE', 'VIEW', 'INDEX', 'SCHEMA', 'TYPE', 'SEQUENCE', 'DOMAIN', 'DATABASE', 'EXTENSION', 'ROLE', 'USER', 'POLICY', 'RULE', 'MATERIALIZED', 'AGGREGATE', 'OPERATOR', 'CAST', 'COLLATION', 'SERVER', 'PUBLICATION', 'SUBSCRIPTION', 'STATISTICS', 'TABLESPACE', 'VIRTUAL']);

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_$]/u.test(c);

/**
 * Splits an SQL script into statements at the `;` that end them, reading it as `provider`
 * does: `;` inside strings, quoted identifiers, comments and PostgreSQL dollar-quoted bodies
 * does not split. A trigger or routine whose body is a `BEGIN ... END` block (SQLite and MySQL
 * triggers, PostgreSQL `BEGIN ATOMIC`) ends at the `;` after the `END` that closes its outermost
 * block (`; END;`), as `sqlite3_complete` decides (https://www.sqlite.org/c3ref/complete.html).
 *
 * Line comments of the form `-- kiln:<name>` before a statement are its directives. Comments
 * and blank text between statements are dropped; comments inside a statement are kept.
 */
export function splitStatements(script: string, provider: Provider): SqlStatement[] {
  return new Splitter(script, LEXICONS[provider]).split();
}

class Splitter {
  private i = 0;
  private line = 1;
  private readonly out: SqlStatement[] = [];

  // The statement being read.
  private start = -1;
  private startLine = 0;
  private directives: string[] = [];
  private directiveLine = 0;
  /** Upper-cased words and `;` of the statement, for the BEGIN ... END rule. */
  private words: string[] = [];
  private blockDepth = 0;

  constructor(
    private readonly text: string,
    private readonly lex: Lexicon,
  ) {}

  split(): SqlStatement[] {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i]!;
      const next = t[this.i + 1];
      if (c === '\n') {
        this.line++;
        this.i++;
      } else if (/\s/.test(c)) {
        this.i++;
      } else if (c === '-' && next === '-' && this.dashComment()) {
        this.lineComment();
      } else if (c === '#' && this.lex.hashComments) {
        this.lineComment();
      } else if (c === '/' && next === '*') {
        this.blockComment();
      } else if (c === ';') {
        this.semicolon();
      } else {
        this.begin();
        if (c === "'") {
          const escapes = this.lex.backslashEscapes || (this.lex.escapeStrings && /^[eE]$/.test(t[this.i - 1] ?? '') && !isWordChar(t[this.i - 2]));
          this.quoted("'", escapes, 'string');
          this.words.push("'");
        } else if (c === '"') {
          this.quoted('"', this.lex.backslashEscapes, 'quoted identifier or string');
          this.words.push('"');
        } else if (c === '`' && this.lex.backticks) {
          this.quoted('`', false, 'quoted identifier');
          this.words.push('`');
        } else if (c === '[' && this.lex.bracketIdentifiers) {
          this.quoted(']', false, 'quoted identifier', '[');
          this.words.push('[');
        } else if (c === '$' && this.lex.dollarQuotes && !isWordChar(t[this.i - 1]) && this.dollarQuoted()) {
          this.words.push('$');
        } else if (isWordChar(c)) {
          let j = this.i;
          while (isWordChar(t[j])) j++;
          this.word(t.slice(this.i, j).toUpperCase());
          this.i = j;
        } else {
          this.words.push(c);
          this.i++;
        }
      }
    }
    if (this.start >= 0) this.finish(t.length);
    if (this.directives.length > 0) {
      throw new SqlSplitError(`the directive "-- kiln:${this.directives[0]}" is not followed by a statement`, this.directiveLine);
    }
    return this.out;
  }

  private dashComment(): boolean {
    if (!this.lex.dashCommentNeedsSpace) return true;
    const after = this.text[this.i + 2];
    return after === undefined || after <= ' ';
  }

  /** Marks the start of a statement at the current character, if none is open. */
  private begin(): void {
    if (this.start >= 0) return;
    this.start = this.i;
    this.startLine = this.line;
  }

  private lineComment(): void {
    const end = this.text.indexOf('\n', this.i);
    const stop = end === -1 ? this.text.length : end;
    const comment = this.text.slice(this.i, stop).trimEnd();
    const directive = DIRECTIVE.exec(comment);
    if (directive !== null) {
      if (this.start >= 0) {
        throw new SqlSplitError(`the directive "${comment}" is inside a statement; put it on its own line before the statement it applies to`, this.line);
      }
      if (this.directives.length === 0) this.directiveLine = this.line;
      this.directives.push(directive[1]!);
    }
    this.i = stop;
  }

  private blockComment(): void {
    const line = this.line;
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      const next = this.text[this.i + 1];
      if (c === '/' && next === '*' && (depth === 0 || this.lex.nestedBlockComments)) {
        depth++;
        this.i += 2;
      } else if (c === '*' && next === '/') {
        depth--;
        this.i += 2;
        if (depth === 0) return;
      } else {
        if (c === '\n') this.line++;
        this.i++;
      }
    }
    throw new SqlSplitError('a /* comment is never closed', line);
  }

  /** Skips a quoted run from its opening character; a doubled closing quote is an escaped one. */
  private quoted(close: string, escapes: boolean, what: string, open = close): void {
    const line = this.line;
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === '\n') this.line++;
      if (escapes && c === '\\') {
        if (this.text[this.i + 1] === '\n') this.line++;
        this.i += 2;
      } else if (c === close) {
        if (this.text[this.i + 1] === close && close !== ']') {
          this.i += 2;
        } else {
          this.i++;
          return;
        }
      } else {
        this.i++;
      }
    }
    throw new SqlSplitError(`a ${what} opened with ${open} is never closed`, line);
  }

  /** `$tag$ ... $tag$`; false when the `$` does not open one (a `$1` parameter, say). */
  private dollarQuoted(): boolean {
    const m = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(this.text.slice(this.i, this.i + 130));
    if (m === null) return false;
    const tag = m[0];
    const line = this.line;
    const end = this.text.indexOf(tag, this.i + tag.length);
    if (end === -1) throw new SqlSplitError(`a dollar-quoted body opened with ${tag} is never closed`, line);
    for (let k = this.i; k < end; k++) if (this.text[k] === '\n') this.line++;
    this.i = end + tag.length;
    return true;
  }

  private word(w: string): void {
    if (w === 'BEGIN' && this.isRoutine()) this.blockDepth++;
    this.words.push(w);
  }

  /** Whether the statement creates a trigger or routine: the first object word after CREATE says. */
  private isRoutine(): boolean {
    if (this.words[0] !== 'CREATE') return false;
    const head = this.words.find((w) => ROUTINE_WORDS.has(w) || OBJECT_WORDS.has(w));
    return head !== undefined && ROUTINE_WORDS.has(head);
  }

  private semicolon(): void {
    if (this.blockDepth > 0) {
      // Inside BEGIN ... END: only `; END ;` (or `BEGIN END ;`) closes a block.
      const [before, last] = this.words.slice(-2);
      if (last === 'END' && (before === ';' || before === 'BEGIN')) this.blockDepth--;
      if (this.blockDepth > 0) {
        this.words.push(';');
        this.i++;
        return;
      }
    }
    if (this.start >= 0) this.finish(this.i);
    this.i++;
  }

  private finish(end: number): void {
    const sql = this.text.slice(this.start, end).trimEnd();
    this.out.push({ sql, line: this.startLine, directives: this.directives });
    this.start = -1;
    this.directives = [];
    this.words = [];
    this.blockDepth = 0;
  }
}
