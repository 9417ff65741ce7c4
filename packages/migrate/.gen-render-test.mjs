import { CHANGES } from './build/test/diff/render-changes.cases.js';
import { sqlOf, flagsOf } from './build/test/diff/helpers/objects.js';
const sq = (s) => (s.includes("'") ? JSON.stringify(s) : `'${s.replaceAll('\\', '\\\\')}'`);
const lit = (s) => '`' + s.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${') + '`';
let out = `import { CHANGES } from './render-changes.cases.js';
import { flagsOf, sqlOf } from './helpers/objects.js';

/*
 * The SQL of every change kind on each dialect, written out. A string that starts with
 * "error:" is the DdlRenderError a dialect raises for a change it cannot express (the planner
 * never asks for those: it reads the dialect's capabilities). \`flags\` are what renderChanges
 * marks for the deployer (docs/migrate.md, "Running a plan").
 */

type Expected = { sqlite: string[] | string; postgresql: string[] | string; mysql: string[] | string; flags?: Partial<Record<'sqlite' | 'postgresql' | 'mysql', object>> };

const EXPECTED: Record<keyof typeof CHANGES, Expected> = {
`;
for (const [k, c] of Object.entries(CHANGES)) {
  out += `  ${sq(k)}: {\n`;
  const flags = {};
  for (const p of ['sqlite', 'postgresql', 'mysql']) {
    const s = sqlOf(c, p);
    if (typeof s === 'string') out += `    ${p}: ${sq(s)},\n`;
    else out += `    ${p}: [\n${s.map((x) => `      ${x.includes('\n') || x.includes("'") || x.includes('"') ? lit(x) : JSON.stringify(x)},\n`).join('')}    ],\n`;
    if (typeof s !== 'string') { const f = flagsOf(c, p); if (Object.keys(f).length) flags[p] = f; }
  }
  if (Object.keys(flags).length) out += `    flags: ${JSON.stringify(flags).replaceAll('"', "'").replace(/'(\w+)':/g, '$1: ')},\n`;
  out += `  },\n`;
}
out += `};

describe.each(Object.keys(CHANGES))('%s', (kind) => {
  const change = CHANGES[kind]!;
  const expected = EXPECTED[kind]!;
  test.each(['sqlite', 'postgresql', 'mysql'] as const)('on %s', (provider) => {
    expect(sqlOf(change, provider)).toEqual(expected[provider]);
    if (typeof expected[provider] !== 'string') expect(flagsOf(change, provider)).toEqual(expected.flags?.[provider] ?? {});
  });
});
`;
process.stdout.write(out);
