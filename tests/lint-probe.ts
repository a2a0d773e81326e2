import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import type * as ts from 'typescript';

import { VIRTUAL_ROOT } from './analysis/in-memory-program.js';

export type ProbeContext = Readonly<TSESLint.RuleContext<'probe', []>>;

export interface ProbeOptions {
  /** The file name the code is linted as, in the virtual folder (`main.ts` by default). */
  fileName?: string;
  /** Type the file with this program (`createInMemoryProgram`; it must hold the file with this text). */
  program?: ts.Program;
}

const linter = new Linter({ cwd: VIRTUAL_ROOT });

/**
 * Lints `code` with typescript-eslint's parser in a real ESLint `Linter` and
 * calls `probe` once, when the traversal leaves the program: the source code,
 * scopes and parser services are those a rule sees. A parse error throws.
 */
export function lintProbe(code: string, probe: (context: ProbeContext) => void, options: ProbeOptions = {}): void {
  runProbe(code, probe, options);
}

/**
 * Lints `code` as `lintProbe` does, reports the fix `probe` builds, and
 * returns the text after that one fix (as ESLint applies it: one pass).
 */
export function fixWithProbe(
  code: string,
  probe: (context: ProbeContext) => TSESLint.ReportFixFunction,
  options: ProbeOptions = {},
): string {
  const messages = runProbe(
    code,
    (context) => {
      context.report({ node: context.sourceCode.ast, messageId: 'probe', fix: probe(context) });
    },
    options,
  );
  const fix = messages.find((message) => message.ruleId === 'probe/probe')?.fix;
  if (fix === undefined) throw new Error('the probe made no fix');
  return `${code.slice(0, fix.range[0])}${fix.text}${code.slice(fix.range[1])}`;
}

/** Throws unless `code` parses (a fix's output, for instance). */
export function assertParses(code: string, options: Pick<ProbeOptions, 'fileName'> = {}): void {
  verify(code, options, {});
}

function runProbe(code: string, probe: (context: ProbeContext) => void, options: ProbeOptions): Linter.LintMessage[] {
  const state = { probed: false };
  const rule = ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
    meta: { type: 'problem', fixable: 'code', messages: { probe: 'probe' }, schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          state.probed = true;
          probe(context);
        },
      };
    },
  });
  const messages = verify(code, options, { probe: rule });
  if (!state.probed) throw new Error('the probe did not run');
  return messages;
}

function verify(code: string, options: ProbeOptions, rules: Record<string, TSESLint.RuleModule<'probe'>>): Linter.LintMessage[] {
  const parserOptions: Linter.ParserOptions = options.program === undefined ? {} : { programs: [options.program] };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: { parser: tsParser, parserOptions },
        plugins: { probe: { rules: rules as never } },
        rules: Object.fromEntries(Object.keys(rules).map((name) => [`probe/${name}`, 'error'])),
      },
    ],
    { filename: path.join(VIRTUAL_ROOT, options.fileName ?? 'main.ts') },
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(`${fatal.message} (line ${fatal.line}) in:\n${code}`);
  return messages;
}

/** `lintProbe` for a probe that computes something: its result, read at `Program:exit`. */
export function withSourceCode<Result>(code: string, probe: (context: ProbeContext) => Result): Result {
  let result: { value: Result } | undefined;
  lintProbe(code, (context) => {
    result = { value: probe(context) };
  });
  if (result === undefined) throw new Error('the probe did not run');
  return result.value;
}
