import type { RuntimeSchema } from '@kiln/runtime';
import { StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';

/**
 * `export const runtimeSchema: RuntimeSchema = JSON.parse(`...`)`. JSON text rather than an
 * object literal: TypeScript would check a literal of a 300-model schema against
 * `RuntimeSchema` in every program that imports the client (seconds), and V8 parses JSON faster
 * than the same object literal. One field per line, so a diff of two generations reads like a
 * diff of the schema.
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
      w.write('export const runtimeSchema: RuntimeSchema = JSON.parse(`');
      // Raw text: the writer must not indent the lines of the template literal.
      w.withIndentationLevel(0, () => w.write(templateText(schemaJson(schema))));
      w.write('`);').newLine();
    },
  ];
}

const json = (v: unknown): string => JSON.stringify(v);

/** The schema as JSON, models and fields one per line. */
export function schemaJson(schema: RuntimeSchema): string {
  const models = Object.entries(schema.models).map(([name, m]) => {
    const fields = m.fields.map((f) => `        ${json(f)}`).join(',\n');
    return [
      `    ${json(name)}: {`,
      `      "name": ${json(m.name)}, "dbName": ${json(m.dbName)}, "schema": ${json(m.schema)},`,
      `      "primaryKey": ${json(m.primaryKey)},`,
      `      "uniques": ${json(m.uniques)},`,
      `      "fields": [\n${fields}\n      ]`,
      '    }',
    ].join('\n');
  });
  return [
    '{',
    `  "provider": ${json(schema.provider)},`,
    `  "relationMode": ${json(schema.relationMode)},`,
    `  "enums": ${json(schema.enums)},`,
    models.length === 0 ? '  "models": {}' : `  "models": {\n${models.join(',\n')}\n  }`,
    '}',
  ].join('\n');
}

/** Escapes text for a template literal: backslashes, backticks and `${`. */
function templateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}
