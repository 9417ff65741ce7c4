import type { PulledEnum } from './pull-enums.js';
import type { PulledBlock, PulledField } from './pulled-blocks.js';
import { schemaString } from './schema-literals.js';

const doc = (lines: readonly string[], indent: string) => lines.map((l) => `${indent}/// ${l}\n`).join('');

/** Field attributes in the order Prisma writes them. */
const ATTRIBUTE_ORDER = ['@id', '@default', '@unique', '@map', '@db.', '@relation', '@ignore'];

function rank(attribute: string): number {
  const i = ATTRIBUTE_ORDER.findIndex((a) => attribute === a || attribute.startsWith(a.endsWith('.') ? a : `${a}(`));
  return i === -1 ? ATTRIBUTE_ORDER.length : i;
}

/** Block attributes in the order Prisma writes them. */
const BLOCK_ATTRIBUTE_ORDER = ['@@id', '@@unique', '@@index', '@@fulltext', '@@check', '@@sql', '@@map', '@@schema', '@@ignore'];

function blockRank(attribute: string): number {
  const i = BLOCK_ATTRIBUTE_ORDER.findIndex((a) => attribute === a || attribute.startsWith(`${a}(`));
  return i === -1 ? BLOCK_ATTRIBUTE_ORDER.length : i;
}

/** Columns in table order, then relation fields by name. */
function orderedFields(b: PulledBlock): PulledField[] {
  const columns = new Set(b.fieldOf.values());
  const relations = b.fields.filter((f) => !columns.has(f.name)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return [...b.fields.filter((f) => columns.has(f.name)), ...relations];
}

/** The schema text, before formatting: the header, then models and views, then enums. */
export function printPulledSchema(header: string, blocks: readonly PulledBlock[], enums: readonly PulledEnum[]): string {
  const parts = [header.trimEnd()];
  for (const b of blocks) {
    const fields = orderedFields(b)
      .map((f) => {
        const attributes = [...f.attributes].sort((x, y) => rank(x) - rank(y));
        return `${doc(f.doc, '  ')}  ${[f.name, f.type, ...attributes].join(' ')}\n`;
      })
      .join('');
    const sorted = [...b.attributes].sort((x, y) => blockRank(x) - blockRank(y));
    const attributes = sorted.length === 0 ? '' : `\n${sorted.map((a) => `  ${a}\n`).join('')}`;
    parts.push(`${doc(b.doc, '')}${b.kind} ${b.name} {\n${fields}${attributes}}`);
  }
  for (const e of enums) {
    const members = e.members.map((m) => `  ${m.name}${m.name === m.value ? '' : ` @map(${schemaString(m.value)})`}\n`).join('');
    const attributes = [...(e.map === null ? [] : [`@@map(${schemaString(e.map)})`]), ...(e.schema === null ? [] : [`@@schema(${schemaString(e.schema)})`])];
    parts.push(`enum ${e.name} {\n${members}${attributes.length === 0 ? '' : `\n${attributes.map((a) => `  ${a}\n`).join('')}`}}`);
  }
  return `${parts.join('\n\n')}\n`;
}
