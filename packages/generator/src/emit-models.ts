import { StructureKind, type CodeBlockWriter, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { ClientModel } from './client-model.js';
import { quote, writeDoc } from './docs.js';

/** The payload interface's name: `$UserPayload`. */
export function payloadName(model: string): string {
  return `$${model}Payload`;
}

/**
 * Per model: its result type (`export type User = { ... }`, with the `///` docs) and its payload
 * interface, from which `@kiln/runtime` computes every argument and result type.
 */
export function modelStatements(models: readonly ClientModel[]): (StatementStructures | WriterFunction)[] {
  const statements: (StatementStructures | WriterFunction)[] = [];
  for (const m of models) {
    statements.push((w) => {
      writeDoc(w, m.doc);
      w.write(`export type ${m.name} = `).inlineBlock(() => {
        for (const s of m.scalars) {
          writeDoc(w, s.doc);
          w.writeLine(`${s.name}: ${s.resultType};`);
        }
      });
      w.write(';').newLine();
    });
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: payloadName(m.name),
      properties: [
        { name: 'name', type: quote(m.name) },
        { name: 'scalars', type: m.name },
        { name: 'fields', type: (w) => inlineObject(w, m.scalars.map((s) => [s.name, quote(s.descriptor)])) },
        {
          name: 'relations',
          type: (w) =>
            inlineObject(
              w,
              m.relations.map((r) => {
                const fk = r.fk.length > 0 ? `, ${r.fk.map(quote).join(' | ')}` : '';
                return [r.name, `$Relation<${payloadName(r.target)}, ${quote(r.kind)}, ${quote(r.opposite)}${fk}>`];
              }),
            ),
        },
        {
          name: 'uniques',
          type: (w) => inlineObject(w, m.uniques.map((u) => [u.key, u.fields.map(quote).join(' | ')])),
        },
        { name: 'createOptional', type: union(m.scalars.filter((s) => s.createOptional).map((s) => quote(s.name))) },
      ],
    });
  }
  return statements;
}

function union(members: string[]): string {
  return members.length === 0 ? 'never' : members.join(' | ');
}

/** `{ a: A; b: B }` on one line: payload members are short and read best in a row. */
function inlineObject(w: CodeBlockWriter, entries: [string, string][]): void {
  w.write(entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${v}`).join('; ')} }`);
}
