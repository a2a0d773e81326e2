import { createRequire } from 'node:module';

import type { ESLint, Linter, Rule } from 'eslint';

import { createConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type ConfigName = 'disable-type-checked' | 'recommended' | 'strict';

/** Typed as ESLint's own `Plugin`, so it fits `defineConfig` and `plugins: {…}` without casts. */
export interface AsyncMisusePlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<keyof typeof rules, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: AsyncMisusePlugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'async-misuse' },
  // typescript-eslint's rule type and ESLint's differ only in how strictly they type `context`.
  rules: rules as unknown as AsyncMisusePlugin['rules'],
  configs: {} as AsyncMisusePlugin['configs'],
};
plugin.configs = createConfigs(plugin, rules);

export default plugin;
