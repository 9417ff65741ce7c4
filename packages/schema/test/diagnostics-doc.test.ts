import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Messages } from '../src/index.js';

/**
 * docs/diagnostics.md is generated from the catalogue, so it cannot drift: this test fails when
 * they differ, and `UPDATE_GOLDEN=1 pnpm test` rewrites the page.
 */
const docPath = fileURLToPath(new URL('../../../../docs/diagnostics.md', import.meta.url));

const RANGES: [string, string][] = [
  ['K1', 'Syntax'],
  ['K2', 'Names and types'],
  ['K3', 'Attributes and arguments'],
  ['K4', 'Relations'],
  ['K5', 'Datasource, generators and providers'],
  ['K6', 'Model rules'],
  ['K7', 'Warnings'],
];

function renderDoc(): string {
  const entries = Object.values(Messages).map((m) => {
    const placeholders = Array.from({ length: m.text.length }, (_, i) => `{${i}}`);
    const text = (m.text as (...a: string[]) => string)(...placeholders);
    return { code: m.code, severity: m.severity, text };
  });
  entries.sort((a, b) => (a.code < b.code ? -1 : 1));
  const out = [
    '# Diagnostics',
    '',
    'Every problem Kiln finds in a schema has a stable code. A code keeps its meaning once published;',
    'new codes are added, old ones are never reused. Diagnostics render as:',
    '',
    '```',
    'schema.schema:12:10 - error K2012: Field "author" refers to unknown model "Usr". Did you mean "User"?',
    '',
    '12   author Usr @relation(fields: [authorId], references: [id])',
    '            ~~~',
    '```',
    '',
    'Errors stop `kiln validate`, `kiln generate` and `kiln migrate`; warnings are printed and do not.',
    '`{0}`, `{1}`… stand for the names the message fills in.',
    '',
    '_This page is generated from `packages/schema/src/diagnostics/messages.ts` by its test',
    '(`UPDATE_GOLDEN=1 pnpm test`)._',
  ];
  for (const [prefix, title] of RANGES) {
    out.push('', `## ${prefix}xxx: ${title}`, '', '| code | severity | message |', '|---|---|---|');
    for (const e of entries.filter((x) => x.code.startsWith(prefix))) {
      out.push(`| ${e.code} | ${e.severity} | ${e.text.replace(/\|/g, '\\|')} |`);
    }
  }
  return out.join('\n') + '\n';
}

describe('the diagnostic catalogue', () => {
  it('has unique codes in the documented ranges', () => {
    const codes = Object.values(Messages).map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^K[1-7]\d{3}$/);
    for (const m of Object.values(Messages)) expect(m.severity === 'warning').toBe(m.code.startsWith('K7'));
  });

  it('is documented in docs/diagnostics.md', () => {
    const doc = renderDoc();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(docPath, doc);
    if (!existsSync(docPath)) throw new Error('docs/diagnostics.md is missing: run UPDATE_GOLDEN=1 pnpm test');
    expect(readFileSync(docPath, 'utf8')).toBe(doc);
  });
});
