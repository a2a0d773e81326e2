import { createRequire } from 'node:module';

import type { ESLint } from 'eslint';

import { createConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'async-misuse' },
  rules,
  configs: {} as ReturnType<typeof createConfigs>,
};
// typescript-eslint's rule type and ESLint's differ only in how strictly they type `context`.
plugin.configs = createConfigs(plugin as unknown as ESLint.Plugin, rules);

export default plugin;
export { rules };
