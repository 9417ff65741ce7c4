import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { generateClient, writeClient } from '../src/index.js';
import { generateExample, irOf } from './helpers/generate-example.js';
import { STRICT_OPTIONS, typeCheck } from './helpers/compile.js';
import { exampleNames, exampleProviders, GENERATED_DIR } from './helpers/paths.js';

/**
 * Stricter than the repository: the generated files must compile in any reasonable user
 * project, so every flag that could reject generated code is on. They are read without their
 * `// @ts-nocheck`, so they are really checked.
 */
const USER_OPTIONS: ts.CompilerOptions = {
  ...STRICT_OPTIONS,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
};

describe('every schema example generates a client that compiles under strict', () => {
  const roots: string[] = [];
  const cases = exampleNames().flatMap((name) => exampleProviders(name).map((provider) => ({ name, provider })));

  beforeAll(() => {
    rmSync(join(GENERATED_DIR, 'examples'), { recursive: true, force: true });
  });

  test.each(cases)('$name on $provider generates', ({ name, provider }) => {
    const client = generateExample(name, join('examples', `${name}-${provider}`), provider);
    expect(client.files.length).toBe(5);
    roots.push(join(GENERATED_DIR, 'examples', `${name}-${provider}`, 'index.ts'));
  });

  test('all of them type-check, together, with the strictest user settings', () => {
    expect(roots).toHaveLength(cases.length);
    expect(typeCheck(roots, { options: USER_OPTIONS, checkGenerated: true })).toEqual([]);
  }, 60_000);

  test('and with the repository settings', () => {
    expect(typeCheck(roots, { checkGenerated: true })).toEqual([]);
  }, 60_000);
});

/** Schemas at the edges of what the generator emits, checked the same way. */
const EDGE_SCHEMAS: Record<string, string> = {
  'no-models': `datasource db {\n  provider = "sqlite"\n  url      = "file:dev.db"\n}\n\nenum Unused {\n  A\n}\n`,
  'no-relations': `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Unused {
  A
}

enum Color {
  RED
  GREEN
}

/// Every scalar type, optional and list forms.
model Everything {
  id      BigInt     @id @default(autoincrement())
  s       String?    @unique
  b       Boolean    @default(false)
  i       Int[]
  f       Float?
  d       Decimal    @default(0)
  t       DateTime   @updatedAt
  j       Json?
  y       Bytes
  colors  Color[]
  color   Color?
  shape   Unsupported("circle")?
  hidden  String     @ignore @default("")

  @@unique([b, f])
}

model Legacy {
  id Int @id
  @@ignore
}

model NoCreate {
  id   Int                   @id
  area Unsupported("polygon")
}

view Report {
  day  DateTime
  hits BigInt
}
`,
  'relations-only': `datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}

model Node {
  id       Int    @id
  parentId Int?
  parent   Node?  @relation("Tree", fields: [parentId], references: [id])
  children Node[] @relation("Tree")
  peers    Node[] @relation("Peers")
  peerOf   Node[] @relation("Peers")
  a        Int
  b        Int
  pair     Pair   @relation(fields: [a, b], references: [x, y])
}

model Pair {
  x     Int
  y     Int
  nodes Node[]

  @@id([x, y])
}
`,
};

describe('edge schemas generate clients that compile under the strictest settings', () => {
  test.each(Object.keys(EDGE_SCHEMAS))('%s', (name) => {
    const ir = irOf(EDGE_SCHEMAS[name]!);
    const client = generateClient(ir, { outputDir: join(GENERATED_DIR, 'edge', name), schemaDir: GENERATED_DIR });
    writeClient(client);
    expect(typeCheck([join(GENERATED_DIR, 'edge', name, 'index.ts')], { options: USER_OPTIONS, checkGenerated: true })).toEqual([]);
  }, 60_000);
});
