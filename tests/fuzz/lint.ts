/**
 * Lints fuzz cases typed, with every rule of `strict`, through real ESLint
 * (`Linter`) and typescript-eslint's parser on one temporary project: a
 * `tsconfig.json`, `node_modules` linked to ours (so `@types/node` and the
 * database libraries resolve) and the fixture project's `modules/`. The
 * project's watch program is built once and updated per lint, as the
 * RuleTester's is; no case starts a program of its own.
 *
 * Layout: `src/` is a copy of `examples/src`, and the cases are linted as
 * files of `src/cases/`, so the examples' imports (`../data/…`) resolve;
 * `src/cases/modules/` holds the fixture modules the rule tests import.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../src/index.js';
import { parses, type FileKind } from './corpus.js';
import type { FuzzFile } from './mutate.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `--fix` may take at most this many passes (ESLint's own limit). */
export const MAX_FIX_PASSES = 10;

/** The project's files, one per role and kind; distinct base names (TypeScript drops `a.tsx` beside `a.ts`). */
const FILE_NAMES: Readonly<Record<string, string>> = {
  'main:ts': 'case.ts',
  'main:tsx': 'view.tsx',
  'main:js': 'script.js',
  'other:ts': 'other.ts',
};

const EMPTY_MODULE = 'export {};\n';

const CASES_DIR = 'src/cases';

export type Problem =
  | { kind: 'crash'; file: string; message: string }
  | { kind: 'fatal'; file: string; message: string }
  | { kind: 'fixDoesNotParse'; file: string; ruleId: string; line: number; output: string }
  | { kind: 'suggestionDoesNotParse'; file: string; ruleId: string; line: number; description: string; output: string }
  | { kind: 'fixDoesNotConverge'; file: string; ruleIds: string[]; output: string }
  | { kind: 'fixOutputFatal'; file: string; message: string; output: string };

export interface LintOutcome {
  /** Files that did not parse (the case is skipped). */
  unparsable: boolean;
  problems: Problem[];
  reports: number;
  fixes: number;
  suggestions: number;
}

function fileKey(file: Pick<FuzzFile, 'kind' | 'role'>): string {
  return `${file.role}:${file.kind}`;
}

function applyFix(text: string, fix: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stack = (error.stack ?? '').split('\n').slice(1, 8).join('\n');
  return `${error.message}\n${stack}`;
}

export class FuzzProject {
  readonly dir: string;
  private readonly linter: Linter;
  private readonly strictConfig: Linter.Config[];
  private readonly parseOnlyConfig: Linter.Config[];
  /** What the watch program last read for each file. */
  private readonly current = new Map<string, string>();

  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-fuzz-'));
    symlinkSync(path.join(repoDir, 'node_modules'), path.join(this.dir, 'node_modules'), 'junction');
    cpSync(path.join(repoDir, 'examples', 'src'), path.join(this.dir, 'src'), { recursive: true });
    cpSync(path.join(repoDir, 'tests', 'fixtures', 'modules'), path.join(this.dir, CASES_DIR, 'modules'), { recursive: true });
    writeFileSync(
      path.join(this.dir, 'tsconfig.json'),
      `${JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2023', 'DOM', 'ESNext.Disposable'],
            types: ['node'],
            strict: true,
            jsx: 'preserve',
            allowJs: true,
            checkJs: true,
            experimentalDecorators: true,
            noEmit: true,
            skipLibCheck: true,
          },
          include: [...Object.values(FILE_NAMES).map((fileName) => `${CASES_DIR}/${fileName}`), `${CASES_DIR}/modules/*.ts`],
        },
        null,
        2,
      )}\n`,
    );
    for (const fileName of Object.values(FILE_NAMES)) {
      writeFileSync(this.filePath(fileName), EMPTY_MODULE);
      this.current.set(fileName, EMPTY_MODULE);
    }
    this.linter = new Linter({ cwd: this.dir });
    const base: Linter.Config = {
      files: ['**/*.ts', '**/*.tsx', '**/*.js'],
      languageOptions: {
        parser: tsParser,
        parserOptions: {
          project: './tsconfig.json',
          tsconfigRootDir: this.dir,
          // Many texts under one file name: no "single run" inference (see tests/fixture-eslint.ts).
          disallowAutomaticSingleRunInference: true,
          ecmaFeatures: { jsx: true },
        },
      },
      // Every rule runs on every program: a disable comment from a seed program must not hide a crash.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    };
    this.strictConfig = [base, { files: ['**/*.ts', '**/*.tsx', '**/*.js'], ...plugin.configs.strict }];
    this.parseOnlyConfig = [base];
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  fileName(file: Pick<FuzzFile, 'kind' | 'role'>): string {
    return FILE_NAMES[fileKey(file)] ?? 'case.ts';
  }

  private filePath(fileName: string): string {
    return path.join(this.dir, CASES_DIR, fileName);
  }

  /**
   * Puts the case's files into the project and empties the others: on disk,
   * and in the watch program (which rereads a file only when it is linted
   * with a new text), so no case sees the code of an earlier one.
   */
  private setFiles(files: readonly FuzzFile[]): void {
    const wanted = new Map(Object.values(FILE_NAMES).map((fileName) => [fileName, EMPTY_MODULE]));
    for (const file of files) wanted.set(this.fileName(file), file.code);
    for (const [fileName, code] of wanted) writeFileSync(this.filePath(fileName), code);
    for (const [fileName, code] of wanted) {
      if (this.current.get(fileName) === code) continue;
      this.linter.verify(code, this.parseOnlyConfig, { filename: this.filePath(fileName) });
      this.current.set(fileName, code);
    }
  }

  private verify(code: string, fileName: string): Linter.LintMessage[] {
    this.current.set(fileName, code);
    return this.linter.verify(code, this.strictConfig, { filename: this.filePath(fileName) });
  }

  /** Lints every file of the case (the second file first: the main file imports it) and checks its fixes. */
  lintCase(files: readonly FuzzFile[]): LintOutcome {
    const outcome: LintOutcome = { unparsable: false, problems: [], reports: 0, fixes: 0, suggestions: 0 };
    if (files.some((file) => !parses(file.code, file.kind))) {
      outcome.unparsable = true;
      return outcome;
    }
    this.setFiles(files);
    const ordered = [...files].sort((a, b) => (a.role === b.role ? 0 : a.role === 'other' ? -1 : 1));
    for (const file of ordered) this.lintFile(file, outcome);
    return outcome;
  }

  private lintFile(file: FuzzFile, outcome: LintOutcome): void {
    const fileName = this.fileName(file);
    let messages: Linter.LintMessage[];
    try {
      messages = this.verify(file.code, fileName);
    } catch (error) {
      outcome.problems.push({ kind: 'crash', file: fileName, message: describeError(error) });
      return;
    }
    const fatal = messages.find((message) => message.fatal === true);
    if (fatal !== undefined) {
      outcome.problems.push({ kind: 'fatal', file: fileName, message: fatal.message });
      return;
    }
    outcome.reports += messages.length;
    for (const message of messages) this.checkEdits(file.code, file.kind, fileName, message, outcome);
    if (messages.some((message) => message.fix !== undefined)) this.checkConvergence(file, fileName, outcome);
  }

  private checkEdits(code: string, kind: FileKind, fileName: string, message: Linter.LintMessage, outcome: LintOutcome): void {
    const ruleId = message.ruleId ?? '(none)';
    if (message.fix !== undefined) {
      outcome.fixes += 1;
      const output = applyFix(code, message.fix);
      if (!parses(output, kind)) outcome.problems.push({ kind: 'fixDoesNotParse', file: fileName, ruleId, line: message.line, output });
    }
    for (const suggestion of message.suggestions ?? []) {
      outcome.suggestions += 1;
      const output = applyFix(code, suggestion.fix);
      if (!parses(output, kind)) {
        outcome.problems.push({ kind: 'suggestionDoesNotParse', file: fileName, ruleId, line: message.line, description: suggestion.desc, output });
      }
    }
  }

  /** `--fix` as ESLint runs it (at most ten passes); after it, no fixable report may be left. */
  private checkConvergence(file: FuzzFile, fileName: string, outcome: LintOutcome): void {
    let output: string;
    let remaining: Linter.LintMessage[];
    try {
      output = this.linter.verifyAndFix(file.code, this.strictConfig, { filename: this.filePath(fileName) }).output;
      remaining = this.verify(output, fileName);
    } catch (error) {
      outcome.problems.push({ kind: 'crash', file: fileName, message: `during --fix: ${describeError(error)}` });
      return;
    }
    const fatal = remaining.find((message) => message.fatal === true);
    if (fatal !== undefined) {
      outcome.problems.push({ kind: 'fixOutputFatal', file: fileName, message: fatal.message, output });
      return;
    }
    const fixable = remaining.filter((message) => message.fix !== undefined);
    if (fixable.length > 0) {
      outcome.problems.push({ kind: 'fixDoesNotConverge', file: fileName, ruleIds: [...new Set(fixable.map((message) => message.ruleId ?? '(none)'))], output });
    }
  }
}
