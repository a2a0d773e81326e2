import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra fields every rule of this plugin puts in `meta.docs`. */
export interface AsyncMisuseDocs {
  /** Which shared config turns the rule on: `recommended` rules are in both. */
  recommended: 'recommended' | 'strict';
  /** Every rule reads types; the field keeps `disable-type-checked` derivable. */
  requiresTypeChecking: true;
}

export const REPOSITORY_URL = 'https://github.com/async-misuse/eslint-plugin-async-misuse';

export function getRuleDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;
}

export const createRule = ESLintUtils.RuleCreator<AsyncMisuseDocs>(getRuleDocsUrl);
