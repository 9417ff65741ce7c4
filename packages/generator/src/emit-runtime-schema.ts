import type { RuntimeSchema } from '@kiln/runtime';
import { StructureKind, type CodeBlockWriter, type StatementStructures, type WriterFunction } from 'ts-morph';

/**
 * `export const runtimeSchema: RuntimeSchema = { ... }`: plain JSON, one field per line so a
 * diff of two generations reads like a diff of the schema.
 */
export function runtimeSchemaStatements(schema: RuntimeSchema): (StatementStructures | WriterFunction)[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@kiln/runtime',
      isTypeOnly: true,
      namedImports: ['RuntimeSchema'],
    },
    (w) => {
      w.writeLine('/** The slice of the schema the runtime reads: tables, columns, relations, defaults, unique keys. */');
      w.write('export const runtimeSchema: RuntimeSchema = ');
      writeSchema(w, schema);
      w.write(';').newLine();
    },
  ];
}

const json = (v: unknown): string => JSON.stringify(v);

function writeSchema(w: CodeBlockWriter, schema: RuntimeSchema): void {
  w.inlineBlock(() => {
    w.writeLine(`provider: ${json(schema.provider)},`);
    w.writeLine(`relationMode: ${json(schema.relationMode)},`);
    w.write('models: ').inlineBlock(() => {
      for (const [name, m] of Object.entries(schema.models)) {
        w.write(`${json(name)}: `).inlineBlock(() => {
          w.writeLine(`name: ${json(m.name)},`);
          w.writeLine(`dbName: ${json(m.dbName)},`);
          w.writeLine(`schema: ${json(m.schema)},`);
          w.writeLine('fields: [');
          w.indent(() => {
            for (const f of m.fields) w.writeLine(`${json(f)},`);
          });
          w.writeLine('],');
          w.writeLine(`primaryKey: ${json(m.primaryKey)},`);
          w.writeLine(`uniques: ${json(m.uniques)},`);
        });
        w.write(',').newLine();
      }
    });
    w.write(',').newLine();
    w.writeLine(`enums: ${json(schema.enums)},`);
  });
}
