import ts from 'typescript';

/** Compiler options of the type tests: the repository's strict settings, nothing emitted. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

export interface CompileOptions {
  options?: ts.CompilerOptions;
  /** Reads generated files without their `// @ts-nocheck`, so they are checked too. */
  checkGenerated?: boolean;
  /** Replaces the text of some files (`undefined`: read the file). */
  readFile?: (fileName: string) => string | undefined;
}

/** Type-checks `rootNames`; returns the diagnostics formatted as `file(line,col): error TSxxxx: message`. */
export function typeCheck(rootNames: string[], { options = STRICT_OPTIONS, checkGenerated = false, readFile }: CompileOptions = {}): string[] {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const replaced = readFile?.(fileName);
    if (replaced !== undefined) return ts.createSourceFile(fileName, replaced, languageVersion);
    if (!checkGenerated || !fileName.includes('/generated/') || fileName.endsWith('.d.ts')) {
      return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    }
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    return ts.createSourceFile(fileName, text.replace(/^\/\/ @ts-nocheck$/m, '// (checked)'), languageVersion);
  };
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}(${line + 1},${character + 1}): error TS${d.code}: ${message}`;
  });
}
