#!/usr/bin/env node
// The `kiln` command. A committed file rather than the compiled one, so that `pnpm install` can
// link it before `tsc -b` has built `build/` (on a fresh clone the build comes after the install).
await import('../build/src/bin.js');
