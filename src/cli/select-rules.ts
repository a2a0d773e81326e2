import plugin from '../index.js';
import { UsageError } from './usage-error.js';

const PREFIX = 'async-misuse/';

export interface RuleSelection {
  strict: boolean;
  /** Rule ids from `--rule`, with or without the `async-misuse/` prefix. */
  only: string[];
  severity: 'error' | 'warn';
}

/** The rules to run, by full id: `--rule` ids if any, else the recommended or strict config. */
export function selectRules({ strict, only, severity }: RuleSelection): Record<string, 'error' | 'warn'> {
  const ids =
    only.length > 0
      ? only.map(toFullRuleId)
      : Object.entries(plugin.configs[strict ? 'strict' : 'recommended'].rules ?? {})
          .filter(([, setting]) => setting !== 'off' && setting !== 0)
          .map(([id]) => id);
  return Object.fromEntries(ids.map((id) => [id, severity]));
}

function toFullRuleId(id: string): string {
  const name = id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
  if (!Object.hasOwn(plugin.rules, name)) {
    throw new UsageError(`Unknown rule "${id}" (known rules: ${Object.keys(plugin.rules).join(', ')})`);
  }
  return PREFIX + name;
}

interface DescribedRule {
  meta?: { docs?: { description?: string; url?: string } };
}

/** What SARIF says about each rule that ran. */
export function describeRules(ruleIds: string[]): { id: string; description: string | undefined; url: string | undefined }[] {
  const rules: Partial<Record<string, DescribedRule>> = plugin.rules;
  return ruleIds.map((id) => {
    const docs = rules[id.slice(PREFIX.length)]?.meta?.docs;
    return { id, description: docs?.description, url: docs?.url };
  });
}
