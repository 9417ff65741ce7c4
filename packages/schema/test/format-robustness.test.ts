import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatSchema } from '../src/index.js';

/*
 * The formatter must never throw, must leave a file with errors untouched, and on every file it
 * formats must be idempotent and keep every comment. Checked here on the format fixtures damaged
 * at random (a fixed seed, so a failure replays), and on a few hostile inputs.
 */

const FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/format/', import.meta.url));
const SEED = 0x666d74; // "fmt"
const CASES = 1500;

/** mulberry32: small, deterministic, good enough to pick edits. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Pieces that stress comment placement, line structure and brackets. */
const PIECES = ['\n', '\n\n', ' ', '// c', '/// d', '///', '}', '{', '@', '@@', '(', ')', '[', ']', ',', '"', 'x', '\r\n', '\r', '\t', 'model M {', '?', ':', '=', '1.5'];

function damage(text: string, rnd: (n: number) => number): string {
  let s = text;
  const edits = 1 + rnd(4);
  for (let i = 0; i < edits; i++) {
    const at = rnd(s.length + 1);
    s = rnd(3) === 0 ? s.slice(0, at) + s.slice(at + 1 + rnd(5)) : s.slice(0, at) + PIECES[rnd(PIECES.length)]! + s.slice(at);
  }
  return s;
}

function commentCount(text: string): number {
  return text.split(/\r?\n/).filter((l) => l.replace(/"(?:[^"\\\n]|\\.)*"?/g, '').includes('//')).length;
}

/** What is wrong with formatting `input`, or `null`. */
function problemWith(input: string): string | null {
  let result;
  try {
    result = formatSchema(input);
  } catch (e) {
    return `threw ${String(e)}`;
  }
  if (result.diagnostics.length > 0) {
    if (result.text !== input) return 'changed a file it reported errors for';
    if (result.diagnostics.some((d) => d.code === 'K1009')) return `failed: ${result.diagnostics[0]!.message}`;
    return null;
  }
  const out = result.text;
  if (!out.endsWith('\n') || out.endsWith('\n\n')) return 'does not end with exactly one newline';
  // Split on \n only: a lone \r inside a comment is part of the comment's text.
  if (out.split('\n').some((l) => /[ \t]$/.test(l))) return 'left trailing whitespace';
  if (commentCount(out) !== commentCount(input)) return `has ${commentCount(out)} comment lines, not ${commentCount(input)}`;
  const again = formatSchema(out);
  if (again.diagnostics.length > 0 || again.text !== out) return `is not idempotent:\n${out}\n--- formatted again ---\n${again.text}`;
  return null;
}

const sources = readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.schema'))
  .sort()
  .map((f) => readFileSync(FIXTURES_DIR + f, 'utf8'));

test(`${CASES} damaged fixtures: never throws, idempotent, keeps comments`, () => {
  expect(sources.length).toBeGreaterThan(0);
  const rnd = prng(SEED);
  const failures: string[] = [];
  let formatted = 0;
  for (let i = 0; i < CASES; i++) {
    const input = damage(sources[i % sources.length]!, rnd);
    const problem = problemWith(input);
    if (problem !== null && failures.length < 3) failures.push(`case ${i}: ${problem}\n--- input ---\n${JSON.stringify(input)}`);
    if (formatSchema(input).diagnostics.length === 0) formatted++;
  }
  expect(failures).toEqual([]);
  // The damage must leave many files valid, or this would test the error path only.
  expect(formatted).toBeGreaterThan(CASES / 5);
});

test.each([
  ['nothing but braces', '{{{{}}}}'],
  ['deeply nested brackets', `model A {\n  a Int @default(${'['.repeat(200)}${']'.repeat(200)})\n}\n`],
  ['control characters', '\u0000\u0001\u0002model\u0007'],
  ['a lone carriage return between lines', 'model A {\r  a Int\r}\r'],
  ['a byte order mark', '\ufeffmodel A {\n  a Int\n}\n'],
  ['comments and nothing else', '///\n//\n/// x\n'],
])('%s: no throw, no damage', (_what, input) => {
  expect(problemWith(input)).toBeNull();
});
