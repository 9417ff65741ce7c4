import { isAbsolute, resolve } from 'node:path';
import type { SchemaIR } from '@kiln/schema';

/** Where the client goes when the generator block names no `output`: beside the schema. */
export const DEFAULT_OUTPUT = 'generated/kiln';

/**
 * The output folder of the client: the `output` of the first generator block whose provider is
 * `kiln` (or of the only generator block), relative to the schema's folder; else
 * `generated/kiln` in that folder.
 */
export function resolveOutputDir(ir: SchemaIR, schemaDir: string): string {
  const kiln = ir.generators.find((g) => g.provider === 'kiln') ?? (ir.generators.length === 1 ? ir.generators[0] : undefined);
  const output = kiln?.output ?? DEFAULT_OUTPUT;
  return isAbsolute(output) ? output : resolve(schemaDir, output);
}
