import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The one place a rule decides how a change is offered: as a fix that
 * `--fix` applies (it keeps behaviour), as a suggestion the user picks in
 * the editor, or not at all.
 */
export function getFixOrSuggest<MessageIds extends string>(options: {
  fixIsSafe: boolean;
  fix: TSESLint.ReportFixFunction | null;
  suggestion: Omit<TSESLint.SuggestionReportDescriptor<MessageIds>, 'fix'>;
}): Pick<TSESLint.ReportDescriptor<MessageIds>, 'fix' | 'suggest'> {
  const { fix, fixIsSafe, suggestion } = options;
  if (fix === null) return {};
  if (fixIsSafe) return { fix };
  return { suggest: [{ ...suggestion, fix }] };
}
