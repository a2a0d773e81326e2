import type { ESLint, Linter } from 'eslint';

import type { AsyncMisuseDocs } from '../create-rule.js';

type RuleWithDocs = { meta: { docs?: Partial<AsyncMisuseDocs> } };
type RuleSeverityMap = Record<string, 'error' | 'off'>;

/**
 * Builds the shared configs from each rule's `meta.docs.recommended`, so a
 * new rule lands in the right config by saying so in its own file.
 */
export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, RuleWithDocs>,
): Record<'disable-type-checked' | 'recommended' | 'strict', Linter.Config> {
  const ids = Object.keys(rules).sort();
  const select = (accept: (docs: Partial<AsyncMisuseDocs>) => boolean, severity: 'error' | 'off'): RuleSeverityMap =>
    Object.fromEntries(
      ids
        .filter((id) => accept(rules[id]?.meta.docs ?? {}))
        .map((id) => [`async-misuse/${id}`, severity]),
    );
  return {
    recommended: {
      name: 'async-misuse/recommended',
      plugins: { 'async-misuse': plugin },
      rules: select((docs) => docs.recommended === 'recommended', 'error'),
    },
    strict: {
      name: 'async-misuse/strict',
      plugins: { 'async-misuse': plugin },
      rules: select((docs) => docs.recommended !== undefined, 'error'),
    },
    'disable-type-checked': {
      name: 'async-misuse/disable-type-checked',
      plugins: { 'async-misuse': plugin },
      rules: select((docs) => docs.requiresTypeChecking === true, 'off'),
    },
  };
}
