import { fileURLToPath } from 'node:url';

/**
 * The workspace root. This file compiles to `packages/schema/build/test/helpers/`, five levels
 * below it; tests run from the compiled output, so paths are resolved from here, not from the
 * working directory.
 */
export const REPO_ROOT: string = fileURLToPath(new URL('../../../../../', import.meta.url));

/** `schema-examples/` in the workspace root. */
export const EXAMPLES_DIR: string = fileURLToPath(new URL('../../../../../schema-examples/', import.meta.url));
