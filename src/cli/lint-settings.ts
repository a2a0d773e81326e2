import type { Concurrency } from './args.js';

/**
 * Everything the ESLint instance depends on, as plain JSON: ESLint's worker
 * threads (`--concurrency`) need options they can clone, so the options are
 * built by a module (`eslint-options.ts`) that reads these settings from its
 * own URL, in the main thread and in every worker alike.
 */
export interface LintSettings {
  /** ESLint's cwd: the project root. */
  cwd: string;
  tsconfigRootDir: string;
  /** Set when the tsconfig is not named `tsconfig.json`, which the project service would not find. */
  explicitTsconfig: string | undefined;
  rules: Record<string, 'error' | 'warn'>;
  fix: boolean;
  cache: boolean;
  cacheLocation: string;
  concurrency: Concurrency;
}

export function createOptionsModuleUrl(settings: LintSettings): URL {
  const url = new URL('./eslint-options.js', import.meta.url);
  url.searchParams.set('settings', JSON.stringify(settings));
  return url;
}

export function readSettingsFromModuleUrl(moduleUrl: string): LintSettings {
  const settings = new URL(moduleUrl).searchParams.get('settings');
  if (settings === null) throw new Error('eslint-options.js must be imported with ?settings=<json>');
  return JSON.parse(settings) as LintSettings;
}
