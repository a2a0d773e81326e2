import type { ESLint } from 'eslint';

export interface RuleSummary {
  /** The rule id, or `(parse errors)` for messages without one. */
  rule: string;
  count: number;
  fixable: number;
}

export interface Totals {
  errors: number;
  warnings: number;
  fixable: number;
}

/** Problems per rule, most frequent first. */
export function summarizeByRule(results: ESLint.LintResult[]): RuleSummary[] {
  const byRule = new Map<string, RuleSummary>();
  for (const message of results.flatMap((result) => result.messages)) {
    const rule = message.ruleId ?? (message.fatal === true ? '(parse errors)' : '(other)');
    const row = byRule.get(rule) ?? { rule, count: 0, fixable: 0 };
    row.count += 1;
    if (message.fix !== undefined) row.fixable += 1;
    byRule.set(rule, row);
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

export function countTotals(results: ESLint.LintResult[]): Totals {
  return results.reduce<Totals>(
    (totals, result) => ({
      errors: totals.errors + result.errorCount,
      warnings: totals.warnings + result.warningCount,
      fixable: totals.fixable + result.fixableErrorCount + result.fixableWarningCount,
    }),
    { errors: 0, warnings: 0, fixable: 0 },
  );
}

/**
 * The closing lines of a human-readable run: a table of problems per rule
 * (when there are any) and one line with files, totals and time.
 */
export function formatSummary(results: ESLint.LintResult[], durationMs: number): string {
  const rows = summarizeByRule(results);
  const files = `${results.length} ${results.length === 1 ? 'file' : 'files'}`;
  const seconds = `${(durationMs / 1000).toFixed(1)} s`;
  if (rows.length === 0) return `No problems in ${files} (${seconds}).\n`;

  const header = { rule: 'Rule', count: 'Problems', fixable: 'Fixable' };
  const ruleWidth = Math.max(header.rule.length, ...rows.map((row) => row.rule.length));
  const line = (rule: string, count: string, fixable: string): string =>
    `${rule.padEnd(ruleWidth)}  ${count.padStart(header.count.length)}  ${fixable.padStart(header.fixable.length)}\n`;
  const table =
    line(header.rule, header.count, header.fixable) +
    rows.map((row) => line(row.rule, String(row.count), String(row.fixable))).join('');
  return `${table}\n${files} linted in ${seconds}.\n`;
}
