import type { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { parseCliArgs } from '../../src/cli/args.js';
import { renderProgressLine } from '../../src/cli/progress.js';
import { formatSummary, summarizeByRule } from '../../src/cli/summary.js';
import { UsageError } from '../../src/cli/usage-error.js';

function message(ruleId: string | null, fixable: boolean): Linter.LintMessage {
  return {
    ruleId,
    message: 'm',
    line: 1,
    column: 1,
    severity: 2,
    ...(ruleId === null ? { fatal: true as const } : {}),
    ...(fixable ? { fix: { range: [0, 1] as [number, number], text: '' } } : {}),
  };
}

function result(messages: Linter.LintMessage[]): ESLint.LintResult {
  return {
    filePath: '/p/a.ts',
    messages,
    suppressedMessages: [],
    errorCount: messages.length,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: messages.filter((m) => m.fix !== undefined).length,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

describe('renderProgressLine', () => {
  it('draws the share done, the count and the current file', () => {
    expect(renderProgressLine(5, 10, 'src/a.ts', 80)).toBe('[##########----------] 5/10 src/a.ts');
  });

  it('keeps the end of a long path within the terminal width', () => {
    const line = renderProgressLine(1, 4, `src/${'deep/'.repeat(20)}file.ts`, 50);
    // One column to spare: a line that fills the terminal would wrap on some.
    expect(line).toHaveLength(49);
    expect(line).toMatch(/ ….*\/file\.ts$/);
  });

  it('drops the label when the terminal is too narrow for it', () => {
    expect(renderProgressLine(0, 3, 'src/a.ts', 20)).toBe('[--------------------] 0/3');
  });
});

describe('summary', () => {
  it('counts problems and fixes per rule, most frequent first', () => {
    const results = [
      result([message('async-misuse/b', true), message('async-misuse/a', false)]),
      result([message('async-misuse/b', false), message(null, false)]),
    ];
    expect(summarizeByRule(results)).toEqual([
      { rule: 'async-misuse/b', count: 2, fixable: 1 },
      { rule: '(parse errors)', count: 1, fixable: 0 },
      { rule: 'async-misuse/a', count: 1, fixable: 0 },
    ]);
    expect(formatSummary(results, 1234)).toBe(
      [
        'Rule            Problems  Fixable',
        'async-misuse/b         2        1',
        '(parse errors)         1        0',
        'async-misuse/a         1        0',
        '',
        '2 files linted in 1.2 s.',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatSummary([result([])], 50)).toBe('No problems in 1 file (0.1 s).\n');
  });
});

describe('parseCliArgs', () => {
  it('reads repeatable rules, numbers and concurrency', () => {
    expect(
      parseCliArgs(['src', '--rule', 'a', '--rule', 'b', '--max-warnings', '0', '--concurrency', 'auto', '--no-progress']),
    ).toMatchObject({ paths: ['src'], rules: ['a', 'b'], maxWarnings: 0, concurrency: 'auto', progress: false });
    expect(parseCliArgs([])).toMatchObject({ format: 'stylish', concurrency: 'off', progress: undefined });
  });

  it('turns parseArgs errors into one-line usage errors', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--nope'])).toThrow(/^Unknown option '--nope' \(see --help\)$/);
  });
});
