import type { ESLint, Linter } from 'eslint';

/**
 * The command runs only our rules, so an `eslint-disable` comment that names
 * another plugin's rule (`// eslint-disable-next-line ava/no-skip-test`) makes
 * ESLint report "Definition for rule … was not found". Those reports are about
 * the project's own ESLint setup, not about async misuse: drop them and
 * recount.
 */
export function dropForeignDirectiveErrors(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter((message) => !isForeignRuleNotFound(message));
    if (messages.length === result.messages.length) return result;
    const count = (severity: 1 | 2, fixableOnly: boolean): number =>
      messages.filter((message) => message.severity === severity && (!fixableOnly || message.fix !== undefined)).length;
    return {
      ...result,
      messages,
      errorCount: count(2, false),
      warningCount: count(1, false),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
      fatalErrorCount: messages.filter((message) => message.fatal === true).length,
    };
  });
}

function isForeignRuleNotFound(message: Linter.LintMessage): boolean {
  return (
    message.ruleId !== null &&
    !message.ruleId.startsWith('async-misuse/') &&
    /^Definition for rule '.+' was not found\.?$/u.test(message.message)
  );
}
