import { isAbsolute, resolve } from 'node:path';
import type { SchemaIR } from '@kiln/schema';

/** Where the client goes when the generator block names no `output`: beside the schema. */
export const DEFAULT_OUTPUT = 'generated/kiln';

/**
 * The output folder of the client: the `output` of the first generator block whose provider is
 * `kiln`, relative to the schema's folder; else `generated/kiln` in that folder. Another
 * provider's block (a Prisma schema's `prisma-client-js`) is not ours to follow.
 */
export function resolveOutputDir(ir: SchemaIR, schemaDir: string): string {
  const kiln = ir.generators.find((g) => g.provider === 'kiln');
  const output = kiln?.output ?? DEFAULT_OUTPUT;
  return isAbsolute(output) ? output : resolve(schemaDir, output);
}
