import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ClientModel } from './client-model.js';
import { docs, quote } from './docs.js';
import { payloadName } from './emit-models.js';

export interface ClientDefaults {
  /** The datasource's `url`: an environment variable or a literal. */
  url: { env: string } | { value: string } | null;
  /** The absolute path of the schema's folder: relative SQLite paths resolve against it. */
  schemaDir: string;
}

/** The delegate type of a model: all methods, reads only for a view, no inserts when the model cannot be created. */
export function delegateType(m: ClientModel): string {
  const payload = payloadName(m.name);
  if (m.isView) return `$ReadDelegate<${payload}>`;
  if (!m.creatable) return `Omit<$ModelDelegate<${payload}>, 'create' | 'createMany' | 'createManyAndReturn' | 'upsert'>`;
  return `$ModelDelegate<${payload}>`;
}

/** `export class KilnClient extends KilnClientBase { readonly user: ...; constructor(...) { ... } }` */
export function clientStatements(models: readonly ClientModel[], defaults: ClientDefaults): StatementStructures[] {
  const url = defaults.url === null ? '' : 'env' in defaults.url ? `url: { env: ${quote(defaults.url.env)} }, ` : `url: { value: ${quote(defaults.url.value)} }, `;
  const runtimeImports = ['KilnClientBase', 'type KilnClientOptions'];
  if (models.some((m) => !m.isView)) runtimeImports.push('type ModelDelegate as $ModelDelegate');
  if (models.some((m) => m.isView)) runtimeImports.push('type ReadDelegate as $ReadDelegate');
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@kiln/runtime', namedImports: runtimeImports },
    ...(models.length === 0
      ? []
      : [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: './models.js',
            isTypeOnly: true,
            namedImports: models.map((m) => payloadName(m.name)),
          } as const,
        ]),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime-schema.js', namedImports: ['runtimeSchema'] },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: 'KilnClient',
      extends: 'KilnClientBase',
      docs: [
        'The client of this schema: one property per model (`client.user.findMany(...)`), plus\n' +
          '`$connect`, `$disconnect`, `$transaction` and raw queries.',
      ],
      // `declare`: no class field is emitted; the constructor creates one delegate per model,
      // named as `delegateName` names them, as own enumerable properties (which
      // `$transaction` rebinds to its connection).
      properties: models.map((m) => ({
        name: m.property,
        hasDeclareKeyword: true,
        isReadonly: true,
        type: delegateType(m),
        docs: docs(m.doc),
      })),
      ctors: [
        {
          parameters: [{ name: 'options', hasQuestionToken: true, type: 'KilnClientOptions' }],
          statements: (w) => {
            w.writeLine(`super(runtimeSchema, options, { ${url}schemaDir: ${quote(defaults.schemaDir)} });`);
            w.writeLine('const delegates = this as unknown as Record<string, unknown>;');
            w.write('for (const model of Object.keys(runtimeSchema.models)) ').block(() => {
              w.writeLine('delegates[model.charAt(0).toLowerCase() + model.slice(1)] = this.$delegate(model);');
            });
          },
        },
      ],
    },
  ];
}
