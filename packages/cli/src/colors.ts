/**
 * Terminal colour, decided per output stream. Rules, in order:
 *   1. `NO_COLOR` set to anything but "" turns colour off (https://no-color.org).
 *   2. `FORCE_COLOR` turns it on, unless it is "0" or "false" (the convention of Node and
 *      supports-color), so CI logs that render ANSI can still get colour.
 *   3. Otherwise colour only when the stream is a TTY and `TERM` is not "dumb".
 * A dozen lines do not justify a dependency.
 */
export interface ColorStream {
  isTTY?: boolean;
}

export function shouldUseColor(stream: ColorStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export type Paint = (text: string) => string;

export interface Colors {
  enabled: boolean;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
  bold: Paint;
  dim: Paint;
}

const sgr = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

export function createColors(enabled: boolean): Colors {
  if (!enabled) return { enabled, red: plain, yellow: plain, green: plain, cyan: plain, bold: plain, dim: plain };
  return {
    enabled,
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    bold: sgr(1, 22),
    dim: sgr(2, 22),
  };
}
