import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LintRules } from '../../src/index.js';

/**
 * The catalogue section of docs/migrate-lint.md is generated from `LintRules`, so the page
 * cannot drift from the code: this test fails when they differ, and `UPDATE_GOLDEN=1` rewrites
 * the section (the prose around it is written by hand).
 */
const docPath = fileURLToPath(new URL('../../../../../docs/migrate-lint.md', import.meta.url));
const BEGIN = '<!-- BEGIN generated lint catalogue: packages/migrate/src/lint/lint-rules.ts, by its test (UPDATE_GOLDEN=1) -->';
const END = '<!-- END generated lint catalogue -->';

const RANGES: [string, string][] = [
  ['L1', 'Destructive'],
  ['L2', 'Data-dependent'],
  ['L3', 'Blocking (PostgreSQL)'],
  ['L4', 'Enums'],
];

const cell = (text: string) => text.replace(/\|/g, '\\|');

function renderCatalogue(): string {
  const rules = Object.values(LintRules).sort((a, b) => (a.code < b.code ? -1 : 1));
  const out = [BEGIN];
  for (const [prefix, title] of RANGES) {
    out.push('', `### ${prefix}xxx: ${title}`, '', '| code | severity | data loss | flagged when | what to do |', '|---|---|---|---|---|');
    for (const r of rules.filter((x) => x.code.startsWith(prefix))) {
      const severity = r.escalation === undefined ? r.severity : `${r.severity} (${r.escalation})`;
      out.push(`| ${r.code} | ${cell(severity)} | ${r.destructive ? 'yes' : 'no'} | ${cell(r.summary)} | ${cell(r.advice)} |`);
    }
  }
  out.push('', END);
  return out.join('\n');
}

describe('the lint catalogue', () => {
  test('has unique codes in the documented ranges', () => {
    const rules = Object.values(LintRules);
    const codes = rules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of rules) {
      expect(r.code).toMatch(/^L[1-4]\d{3}$/);
      // What --accept-data-loss accepts is an error until accepted.
      if (r.destructive) expect(r.severity).toBe('error');
      if (r.code.startsWith('L1')) expect(r.destructive).toBe(true);
      if (r.code.startsWith('L2') || r.code.startsWith('L3')) expect(r.destructive).toBe(false);
      if (r.code.startsWith('L3')) expect(r.severity).toBe('warning');
    }
  });

  test('is documented in docs/migrate-lint.md', () => {
    if (!existsSync(docPath)) throw new Error('docs/migrate-lint.md is missing');
    const doc = readFileSync(docPath, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`docs/migrate-lint.md has no generated catalogue section (${BEGIN} … ${END})`);
    const section = doc.slice(start, end + END.length);
    const expected = renderCatalogue();
    if (process.env.UPDATE_GOLDEN === '1' && section !== expected) writeFileSync(docPath, doc.slice(0, start) + expected + doc.slice(end + END.length));
    else expect(section).toBe(expected);
  });
});
