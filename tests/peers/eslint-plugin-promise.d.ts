// eslint-plugin-promise 7 ships no types: the plugin object as ESLint sees it.
declare module 'eslint-plugin-promise' {
  import type { ESLint } from 'eslint';

  const plugin: ESLint.Plugin;
  export default plugin;
}
