#!/usr/bin/env node
import { run } from './run.js';

// exitCode rather than process.exit(), so pending output to a pipe is flushed first.
process.exitCode = await run(process.argv.slice(2));
