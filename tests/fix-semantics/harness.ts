/**
 * Proves fixes by running the code before and after: lint a small program
 * with the real typed parser and `--fix` semantics, type-check the result,
 * and run both versions in a child `node` process to compare what they print.
 *
 * Case programs should be modules (an `import` or `export {}`): the fixture
 * project treats a file without one as a global script, where top-level
 * `await` is an error and top-level functions are globals other files may call.
 *
 * A later rule proves its fixes the same way:
 *
 *     const proof = await proveFix(code, { rules: ['no-lost-update'] });
 *     expect(proof.output).not.toBe(code);
 *     expect(proof.outputTypeErrors).toEqual([]);
 *     expect(proof.outputRun.stdout).toBe(proof.inputRun.stdout);
 *
 * or uses the parts: `lintAndFix`, `typeCheck`, `runTypeScript`. Programs
 * should print in an order that does not hang on microtask interleaving with
 * unrelated tasks, since a fix may move a microtask boundary.
 *
 * Avoid a top-level \`await {…};\` statement in a case: TypeScript 6.0.3's
 * top-level-await reparse (script goal first, then module) keeps the next
 * statement twice in \`transpileModule\` output, so the *input* would run it
 * twice. Put it inside an async function instead.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';

import plugin from '../../src/index.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

export type RuleId = keyof typeof plugin.rules;

export interface LintAndFixOptions {
  /** Rules of this plugin to turn on (without the `async-misuse/` prefix). */
  rules: readonly RuleId[];
  /** The fixture file the code is linted as; defaults to `file.ts`. */
  fileName?: string;
}

export interface LintAndFixResult {
  /** The code after fixes were applied until nothing changed (ESLint stops after 10 passes). */
  output: string;
  /** What the rules reported on the original code. */
  before: Linter.LintMessage[];
  /** What is still reported on the fixed code. */
  after: Linter.LintMessage[];
}

const eslintCache = new Map<string, ESLint>();

function getESLint(rules: readonly RuleId[], fix: boolean): ESLint {
  const key = `${[...rules].sort().join(',')}|${String(fix)}`;
  let eslint = eslintCache.get(key);
  if (eslint === undefined) {
    eslint = createFixtureESLint({
      fix,
      configs: [
        {
          files: ['**/*.ts', '**/*.tsx', '**/*.js'],
          plugins: { 'async-misuse': plugin },
          rules: Object.fromEntries(rules.map((id) => [`async-misuse/${id}`, 'error'])),
        },
      ],
    });
    eslintCache.set(key, eslint);
  }
  return eslint;
}

/** Lints `code` as a file of the fixture project, then lints it again with `--fix`. */
export async function lintAndFix(code: string, options: LintAndFixOptions): Promise<LintAndFixResult> {
  const filePath = path.join(fixturesDir, options.fileName ?? 'file.ts');
  const [beforeResult] = await getESLint(options.rules, false).lintText(code, { filePath });
  // One after the other: both lint one file path of one typed project, in this thread.
  const [fixedResult] = await getESLint(options.rules, true).lintText(code, { filePath });
  if (beforeResult === undefined || fixedResult === undefined) throw new Error('ESLint returned no result');
  return {
    output: fixedResult.output ?? code,
    before: beforeResult.messages,
    after: fixedResult.messages,
  };
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The program was killed after `timeoutMs` (a fix that leaves a promise pending forever, say). */
  timedOut: boolean;
  /** The first line of stderr that names an error (`TypeError: …`), without file paths; `undefined` when none. */
  errorLine: string | undefined;
}

/** Transpiles TypeScript to an ES module, runs it with `node`, and captures what it printed. */
export async function runTypeScript(code: string, options: { timeoutMs?: number } = {}): Promise<RunResult> {
  const { outputText, diagnostics } = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
    reportDiagnostics: true,
  });
  if (diagnostics !== undefined && diagnostics.length > 0) {
    throw new Error(`transpile failed: ${formatDiagnostics(diagnostics)}`);
  }
  const directory = await mkdtemp(path.join(os.tmpdir(), 'fix-semantics-'));
  const file = path.join(directory, 'case.mjs');
  try {
    await writeFile(file, outputText);
    return await new Promise<RunResult>((resolve) => {
      execFile(
        process.execPath,
        [file],
        { timeout: options.timeoutMs ?? 15_000, cwd: directory, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          const cleaned = stderr.replaceAll(file, '<case>');
          const errorLine = cleaned
            .split('\n')
            .map((line) => line.trim())
            .find((line) => /^(?:[A-Z]\w*)?Error\b|^\w+Error:|^Uncaught/u.test(line));
          resolve({ stdout, stderr: cleaned, exitCode, timedOut: error?.killed === true, errorLine });
        },
      );
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

// --- Type-checking -----------------------------------------------------------

const fixtureConfig = (() => {
  const configPath = path.join(fixturesDir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (read.error !== undefined) throw new Error(formatDiagnostics([read.error]));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, fixturesDir);
})();

const sourceFileCache = new Map<string, ts.SourceFile>();
let previousProgram: ts.Program | undefined;

/**
 * Type-checks `code` as if it were `fileName` of the fixture project (same
 * compiler options: strict, the project's libs and `@types/node`), without
 * writing it anywhere. Returns the formatted diagnostics; empty means it checks.
 */
export function typeCheck(code: string, fileName = 'file.ts'): string[] {
  const virtualPath = path.join(fixturesDir, fileName);
  const options: ts.CompilerOptions = { ...fixtureConfig.options, noEmit: true };
  const host = ts.createCompilerHost(options, true);
  const realGetSourceFile = host.getSourceFile.bind(host);
  const realReadFile = host.readFile.bind(host);
  const realFileExists = host.fileExists.bind(host);
  const isVirtual = (file: string): boolean => path.resolve(file) === virtualPath;
  host.fileExists = (file) => isVirtual(file) || realFileExists(file);
  host.readFile = (file) => (isVirtual(file) ? code : realReadFile(file));
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    if (isVirtual(file)) return ts.createSourceFile(file, code, languageVersion, true);
    // Library and module files do not change during a test run: parse them once.
    let sourceFile = sourceFileCache.get(file);
    if (sourceFile === undefined) {
      sourceFile = realGetSourceFile(file, languageVersion, onError, shouldCreate);
      if (sourceFile !== undefined) sourceFileCache.set(file, sourceFile);
    }
    return sourceFile;
  };
  const program = ts.createProgram({ rootNames: [virtualPath], options, host, oldProgram: previousProgram });
  previousProgram = program;
  const sourceFile = program.getSourceFile(virtualPath);
  if (sourceFile === undefined) throw new Error(`type-check: ${virtualPath} not in program`);
  const diagnostics = [
    ...program.getSyntacticDiagnostics(sourceFile),
    ...program.getSemanticDiagnostics(sourceFile),
  ];
  return diagnostics.map((diagnostic) => formatDiagnostics([diagnostic]));
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (diagnostic.file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${path.basename(diagnostic.file.fileName)}:${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
    })
    .join('\n');
}

// --- The whole proof -----------------------------------------------------------

export interface FixProof {
  input: string;
  output: string;
  before: Linter.LintMessage[];
  after: Linter.LintMessage[];
  inputTypeErrors: string[];
  outputTypeErrors: string[];
  inputRun: RunResult;
  outputRun: RunResult;
}

/** Lints and fixes `code`, type-checks both versions and runs both: everything a fix-semantics test asserts on. */
export async function proveFix(code: string, options: LintAndFixOptions): Promise<FixProof> {
  const { output, before, after } = await lintAndFix(code, options);
  const fileName = options.fileName ?? 'file.ts';
  const [inputRun, outputRun] = await Promise.all([runTypeScript(code), runTypeScript(output)]);
  return {
    input: code,
    output,
    before,
    after,
    inputTypeErrors: typeCheck(code, fileName),
    outputTypeErrors: typeCheck(output, fileName),
    inputRun,
    outputRun,
  };
}
