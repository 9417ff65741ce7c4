import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkOutput } from '../src/format/check-output.js';
import { formatSchema, parseSchemaFile } from '../src/index.js';

/*
 * The formatter, checked against input/expected pairs in fixtures/format (written by hand, not
 * produced by the formatter), and for the properties every output must have: idempotent, every
 * comment kept, one final newline, no trailing spaces, input untouched when it has errors.
 */

/** The source folder (not the build output): fixtures are not copied by tsc. */
const FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/format/', import.meta.url));

interface Fixture {
  name: string;
  input: string;
  expected: string;
}

function fixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.input.schema'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.input.schema'.length);
      return {
        name,
        input: readFileSync(FIXTURES_DIR + f, 'utf8'),
        expected: readFileSync(`${FIXTURES_DIR}${name}.expected.schema`, 'utf8'),
      };
    });
}

const STRING = /"(?:[^"\\\n]|\\.)*"?/g;

/**
 * The comments of a text, found without the parser: per line, what follows the first `//`
 * outside a string, without trailing spaces. `///` comments are compared without the optional
 * space after the marker, which the formatter normalizes.
 */
function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const code = line.replace(STRING, (s) => ' '.repeat(s.length));
    const at = code.indexOf('//');
    if (at < 0) continue;
    const comment = line.slice(at).trimEnd();
    out.push(comment.startsWith('/// ') ? `///${comment.slice(4)}` : comment);
  }
  return out.sort();
}

function format(text: string): string {
  const result = formatSchema(text, 'test.schema');
  expect(result.diagnostics).toEqual([]);
  return result.text;
}

const all = fixtures();

test('the fixture folder holds the expected pairs', () => {
  expect(all.map((f) => f.name)).toEqual(expect.arrayContaining(['blank-lines', 'comment-positions', 'showcase']));
});

describe.each(all.map((f) => [f.name, f] as const))('fixture %s', (_name, f) => {
  test('formats to the expected text', () => {
    expect(format(f.input)).toBe(f.expected);
  });

  test('the expected text is already formatted', () => {
    expect(format(f.expected)).toBe(f.expected);
  });

  test('formatting twice changes nothing', () => {
    const once = format(f.input);
    expect(format(once)).toBe(once);
  });

  test('keeps the number of comment lines', () => {
    const count = (t: string) => t.split('\n').filter((l) => l.replace(STRING, '').includes('//')).length;
    expect(count(f.input)).toBeGreaterThan(0);
    expect(count(format(f.input))).toBe(count(f.input));
  });

  test('keeps every comment, word for word', () => {
    expect(commentsOf(format(f.input))).toEqual(commentsOf(f.input));
  });

  test('ends with one newline and has no trailing spaces or tabs', () => {
    const out = format(f.input);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out.split('\n').filter((l) => /[ \t]$/.test(l))).toEqual([]);
  });
});

describe('layout', () => {
  test('aligns names, types, attributes and trailing comments in columns', () => {
    const input = 'model A {\nid Int @id // key\nlongerName String? @unique @db.VarChar(10)\nx Boolean // flag\n}\n';
    expect(format(input)).toBe(
      [
        'model A {',
        '  id         Int     @id                     // key',
        '  longerName String? @unique @db.VarChar(10)',
        '  x          Boolean                         // flag',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('a column that is empty on every line takes no space', () => {
    expect(format('model A {\n a Int // one\n bb Int\n}\n')).toBe('model A {\n  a  Int // one\n  bb Int\n}\n');
  });

  test('aligns the = of datasource and generator properties', () => {
    expect(format('generator client {\nprovider = "kiln"\n  output="../generated"\n}\n')).toBe(
      'generator client {\n  provider = "kiln"\n  output   = "../generated"\n}\n',
    );
  });

  test('counts characters, not UTF-16 units, when aligning', () => {
    expect(format('model A {\n  a String @default("é😀") // x\n  b Int @id // y\n}\n')).toBe(
      'model A {\n  a String @default("é😀") // x\n  b Int    @id            // y\n}\n',
    );
  });

  test('puts exactly one blank line between blocks', () => {
    expect(format('enum A {\nX\n}\nenum B {\nY\n}\n\n\n\nenum C {\nZ\n}')).toBe(
      'enum A {\n  X\n}\n\nenum B {\n  Y\n}\n\nenum C {\n  Z\n}\n',
    );
  });

  test('a comment directly above a block stays attached to it, one after a blank line does not', () => {
    expect(format('// about A\nenum A {\nX\n}\n// about B\n\nenum B {\nY\n}\n')).toBe(
      '// about A\nenum A {\n  X\n}\n\n// about B\n\nenum B {\n  Y\n}\n',
    );
  });

  test('an empty block prints its braces on two lines', () => {
    expect(format('type T {}\n')).toBe('type T {\n}\n');
  });

  test('enum values stand one per line with their attributes', () => {
    expect(format('enum Role { USER @map("user")\nADMIN }\n')).toBe('enum Role {\n  USER  @map("user")\n  ADMIN\n}\n');
  });
});

describe('expressions', () => {
  const field = (attrs: string) => format(`model A {\n  f Int ${attrs}\n}\n`).split('\n')[1]!.trim();

  test('keeps empty parentheses where written, and writes none where not', () => {
    expect(field('@db.Text()   @id')).toBe('f Int @db.Text() @id');
  });

  test('spaces arguments, named arguments, arrays and calls canonically', () => {
    expect(field('@default( dbgenerated( "now()" ) )  @relation( "r" ,fields:[ a,b ] , references : [ id ] )')).toBe(
      'f Int @default(dbgenerated("now()")) @relation("r", fields: [a, b], references: [id])',
    );
  });

  test('keeps strings and numbers exactly as written', () => {
    expect(field('@default("a\\"b \\u00e9 // x")')).toBe('f Int @default("a\\"b \\u00e9 // x")');
    expect(field('@default(1.50)')).toBe('f Int @default(1.50)');
    expect(field('@default(-9007199254740993)')).toBe('f Int @default(-9007199254740993)');
  });

  test('nested arrays and calls with named arguments', () => {
    expect(format('model A {\n  a Int\n  @@index([a(sort:Desc,length:10),b],type:Hash)\n}\n')).toBe(
      'model A {\n  a Int\n\n  @@index([a(sort: Desc, length: 10), b], type: Hash)\n}\n',
    );
  });

  test('prints list, optional and Unsupported types', () => {
    expect(format('model A {\n  a Int[]\n  b Unsupported( "circle" )?\n  c Int[]?\n}\n')).toBe(
      'model A {\n  a Int[]\n  b Unsupported("circle")?\n  c Int[]?\n}\n',
    );
  });

  test('joins an argument list written over several lines', () => {
    expect(format('model A {\n  a Int\n  @@unique(\n    [\n      a,\n    ]\n  )\n}\n')).toBe(
      'model A {\n  a Int\n\n  @@unique([a])\n}\n',
    );
  });
});

describe('comments', () => {
  test('doc comments print as "/// text" above their declaration; an empty one as "///"', () => {
    expect(format('///Model doc\n///\nmodel A {\n    ///   indented\n  a Int\n}\n')).toBe(
      '/// Model doc\n///\nmodel A {\n  ///   indented\n  a Int\n}\n',
    );
  });

  test('a comment on the line of "{" or "}" stays on that line', () => {
    expect(format('model A {   // opens\n  a Int\n}   // closes\n')).toBe('model A { // opens\n  a Int\n} // closes\n');
  });

  test('a comment inside a multi-line argument list moves above its declaration', () => {
    const input = 'model A {\n  a Int\n  b Int\n  @@id([a, // first\n    b])\n}\n';
    expect(format(input)).toBe('model A {\n  a Int\n  b Int\n\n  // first\n  @@id([a, b])\n}\n');
  });

  test('a file of comments only keeps them, with their blank lines collapsed', () => {
    expect(format('\n\n// one\n// two\n\n\n\n// three\n\n')).toBe('// one\n// two\n\n// three\n');
  });
});

describe('input forms', () => {
  const lf = 'datasource db {\n  provider = "sqlite" // c\n  url = "file:x.db"\n}\n/// Doc.\nmodel A {\n  id Int @id\n}\n';

  test('CRLF input gives the same output as LF input, with LF line breaks', () => {
    const out = format(lf.replace(/\n/g, '\r\n'));
    expect(out).toBe(format(lf));
    expect(out.includes('\r')).toBe(false);
  });

  test('a file without a final newline gets exactly one', () => {
    expect(format('model A {\n  id Int @id\n}')).toBe('model A {\n  id Int @id\n}\n');
  });

  test('trailing blank lines collapse to the one final newline', () => {
    expect(format('model A {\n  id Int @id\n}\n\n\n\n')).toBe('model A {\n  id Int @id\n}\n');
  });

  test('an empty or blank file formats to a single newline', () => {
    expect(format('')).toBe('\n');
    expect(format('  \n\t\n\n')).toBe('\n');
  });
});

describe('syntax errors', () => {
  const broken: Record<string, string> = {
    'an unclosed block': 'model A {\n  id Int @id\n',
    'a stray character': 'model A {\n  id Int @id #\n}\n',
    'an unterminated string': 'model A {\n  id String @default("abc)\n}\n',
    'text between blocks': 'model A {\n  id Int @id\n}\nthis is not a block\n',
    'a property without "="': 'datasource db {\n  provider "sqlite"\n}\n',
  };

  test.each(Object.entries(broken))('%s: the input comes back unchanged, with the parser errors', (_what, input) => {
    const result = formatSchema(input, 'broken.schema');
    expect(result.text).toBe(input);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.severity === 'error' && d.span.file === 'broken.schema')).toBe(true);
    expect(result.diagnostics).toEqual(parseSchemaFile('broken.schema', input).diagnostics);
  });

  test('a formatted file reports no diagnostics', () => {
    expect(formatSchema('model A {\n  id Int @id\n}\n').diagnostics).toEqual([]);
  });
});

describe('the last check before output is returned', () => {
  const input = '// keep me\nmodel A {\n  a Int\n}\n';

  test('accepts an output that parses and keeps every comment', () => {
    expect(checkOutput(input, '// keep me\n\nmodel A {\n  a Int\n}\n', 'x.schema')).toBeNull();
  });

  test('rejects an output that lost a comment', () => {
    expect(checkOutput(input, 'model A {\n  a Int\n}\n', 'x.schema')).toMatch(/comment/);
  });

  test('rejects an output that would not parse', () => {
    expect(checkOutput(input, '// keep me\nmodel A {\n  a Int\n', 'x.schema')).toMatch(/parse/);
  });
});
