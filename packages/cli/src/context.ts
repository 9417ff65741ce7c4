import { createColors, shouldUseColor, type Colors } from './colors.js';

/** Where a command writes, with the colours that suit that stream. */
export interface Output {
  write(text: string): void;
  colors: Colors;
}

/**
 * Everything a command may touch outside its arguments. Commands never read `process`
 * directly, so they can run in-process (tests, other tools) with their own streams and cwd.
 */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Output;
  stderr: Output;
}

export function processContext(): CliContext {
  const env = process.env;
  return {
    cwd: process.cwd(),
    env,
    stdout: { write: (s) => void process.stdout.write(s), colors: createColors(shouldUseColor(process.stdout, env)) },
    stderr: { write: (s) => void process.stderr.write(s), colors: createColors(shouldUseColor(process.stderr, env)) },
  };
}
