/**
 * Keeps the rule docs honest: every example in `docs/rules/<rule-id>.md` is
 * linted with the rule it documents, and each page must have the sections the
 * style guide asks for.
 *
 * Marker convention. A fenced code block belongs to the nearest heading above
 * it, and that heading's text says what the block must show:
 *
 * - `### ❌ Incorrect` (any text may follow): the rule reports the block at
 *   least once;
 * - `### ✅ Correct`: the rule reports nothing;
 * - `### 🔧 After `--fix``: the block is exactly what `--fix` (this rule
 *   alone) makes of the last ❌ block above it.
 *
 * Blocks under any other heading are illustrations and are not linted. A
 * marked block must be fenced as `ts`, and must be a whole program on its
 * own: it is linted as `tests/fixtures/file.ts` with type information, and
 * must neither fail to parse nor have a TypeScript error (a missing
 * declaration is one). Prefer modules (an `import` or `export`): a file
 * without one is a global script that shares its names with the DOM library.
 */
import path from 'node:path';

import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import { ESLint, type Linter, type Rule } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { readDocPages } from './doc-pages.js';
import { createFixtureESLint } from './fixture-eslint.js';
import { fixturesDir } from './rule-tester.js';

const exampleFile = path.join(fixturesDir, 'file.ts');

const REQUIRED_SECTIONS = ['Examples', 'Options', 'Fix safety', 'When Not To Use It', 'Related rules'];

/** Reports every TypeScript error in the linted file, so examples must compile on their own. */
const typeErrorsRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { typeError: 'TS{{code}}: {{text}}' },
  },
  create(context) {
    return {
      'Program:exit'() {
        const { program } = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation>;
        const sourceFile = program?.getSourceFile(context.physicalFilename);
        if (program === undefined || sourceFile === undefined) {
          context.report({ loc: { line: 1, column: 0 }, messageId: 'typeError', data: { code: '?', text: 'no type information' } });
          return;
        }
        const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
        for (const diagnostic of diagnostics) {
          // "'err' is declared but its value is never read": typescript-eslint's parser turns on
          // `noUnusedLocals`/`noUnusedParameters` for its own programs; the example's project does not,
          // and an unread parameter is what some rules are about.
          if (diagnostic.reportsUnnecessary === true) continue;
          const position = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
          context.report({
            loc: { line: position.line + 1, column: position.character },
            messageId: 'typeError',
            data: { code: String(diagnostic.code), text: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') },
          });
        }
      },
    };
  },
};

const eslintCache = new Map<string, ESLint>();

/** Only the page's rule, plus the type-error check, on the typed fixture project. */
function getESLint(ruleId: string, fix: boolean): ESLint {
  const key = `${ruleId}|${String(fix)}`;
  let eslint = eslintCache.get(key);
  if (eslint === undefined) {
    eslint = createFixtureESLint({
      fix,
      configs: [
        {
          files: ['**/*.ts'],
          plugins: {
            'async-misuse': plugin,
            docs: { rules: { 'type-errors': typeErrorsRule } },
          },
          rules: {
            [`async-misuse/${ruleId}`]: 'error',
            'docs/type-errors': 'error',
          },
        },
      ],
    });
    eslintCache.set(key, eslint);
  }
  return eslint;
}

interface LintOutcome {
  /** Reports of the page's rule. */
  reports: Linter.LintMessage[];
  /** Parse errors and TypeScript errors, as `line:column message`. */
  problems: string[];
  /** The code after `--fix`, when linted with `fix`. */
  output: string | undefined;
}

async function lintExample(ruleId: string, code: string, fix = false): Promise<LintOutcome> {
  const [result] = await getESLint(ruleId, fix).lintText(code, { filePath: exampleFile });
  const messages = result?.messages ?? [];
  return {
    reports: messages.filter((message) => message.ruleId === `async-misuse/${ruleId}`),
    problems: messages
      .filter((message) => message.fatal === true || message.ruleId === null || message.ruleId === 'docs/type-errors')
      .map((message) => `${String(message.line)}:${String(message.column)} ${message.message}`),
    output: result?.output,
  };
}

const pages = readDocPages();

describe('rule docs', () => {
  it('exist for every rule, and only for rules', () => {
    // Sorted as ids: `no-x-y.md` comes before `no-x.md` by file name.
    expect(pages.map((page) => page.ruleId).sort()).toEqual(Object.keys(plugin.rules).sort());
  });
});

describe.each(pages.map((page) => [page.ruleId, page] as const))('docs/rules/%s.md', (_ruleId, page) => {
  it('is titled with the rule id', () => {
    expect(page.text.startsWith(`# async-misuse/${page.ruleId}\n`)).toBe(true);
  });

  it('has the required sections, in order', () => {
    const found = REQUIRED_SECTIONS.map((section) => page.sections.indexOf(section));
    expect(found.every((index) => index >= 0), `missing: ${REQUIRED_SECTIONS.filter((_, i) => found[i] === -1).join(', ')}`).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });

  it('shows at least one ❌ and one ✅ example under "Examples"', () => {
    const examplesStart = page.text.indexOf('\n## Examples\n');
    const examplesEnd = page.text.indexOf('\n## ', examplesStart + 1);
    const examplesSection = page.text.slice(examplesStart, examplesEnd);
    expect(examplesSection).toMatch(/^### ❌ Incorrect/mu);
    expect(examplesSection).toMatch(/^### ✅ Correct/mu);
    expect(page.examples.some((example) => example.kind === 'incorrect')).toBe(true);
    expect(page.examples.some((example) => example.kind === 'correct')).toBe(true);
  });

  it.each(page.examples)('$heading example at line $line is fenced as ts', (example) => {
    expect(example.language).toBe('ts');
  });

  const incorrect = page.examples.filter((example) => example.kind === 'incorrect');
  it.each(incorrect)('❌ example at line $line is reported', async (example) => {
    const outcome = await lintExample(page.ruleId, example.code);
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports.length).toBeGreaterThan(0);
  });

  const correct = page.examples.filter((example) => example.kind === 'correct');
  it.each(correct)('✅ example at line $line is not reported', async (example) => {
    const outcome = await lintExample(page.ruleId, example.code);
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports.map((report) => `${String(report.line)}:${String(report.column)} ${report.message}`)).toEqual([]);
  });

  const fixed = page.examples
    .map((example, index) => ({ ...example, before: page.examples.slice(0, index).findLast((other) => other.kind === 'incorrect') }))
    .filter((example) => example.kind === 'fixed');
  it.each(fixed)('🔧 example at line $line is what --fix makes of the ❌ example above it', async (example) => {
    expect(example.before, 'a 🔧 block needs a ❌ block above it').toBeDefined();
    const fixedOutcome = await lintExample(page.ruleId, example.before?.code ?? '', true);
    expect(fixedOutcome.output ?? example.before?.code).toBe(example.code);
    const outcome = await lintExample(page.ruleId, example.code);
    expect(outcome.problems).toEqual([]);
  });
});
