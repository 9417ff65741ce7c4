import type { Enum } from '@kiln/schema';
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { quote, writeDoc } from './docs.js';

/**
 * `export const Role = { USER: 'USER', ... } as const;` and `export type Role = ...`: the
 * values are the names written in the schema (the runtime maps `@map`ped ones).
 */
export function enumStatements(enums: readonly Enum[]): (StatementStructures | WriterFunction)[] {
  const statements: WriterFunction[] = [];
  for (const e of enums) {
    // Written as whole statements: a writer inside a structure's initializer gets a hanging indent.
    statements.push((w) => {
      writeDoc(w, e.doc);
      w.write(`export const ${e.name} = `).inlineBlock(() => {
        for (const v of e.values) {
          writeDoc(w, v.doc);
          w.writeLine(`${v.name}: ${quote(v.name)},`);
        }
      });
      w.write(' as const;').newLine();
      writeDoc(w, e.doc);
      w.writeLine(`export type ${e.name} = (typeof ${e.name})[keyof typeof ${e.name}];`);
    });
  }
  return statements;
}
