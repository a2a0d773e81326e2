import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';

import { createConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: 'async-misuse' },
  rules,
  configs: {} as ReturnType<typeof createConfigs>,
};
plugin.configs = createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules);

export default plugin;
export { rules };
