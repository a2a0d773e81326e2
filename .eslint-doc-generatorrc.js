/**
 * eslint-doc-generator settings: it writes the header of every
 * `docs/rules/<rule-id>.md` and the rules table in README.md
 * (`npm run docs`), and `npm run docs:check` fails when either has drifted.
 *
 * @type {import('eslint-doc-generator').GenerateOptions}
 */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // It only turns rules off for files without type information: not worth a column.
  ignoreConfig: ['disable-type-checked'],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocNotices: ['description', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking', 'options'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  // The generator's own Options check wants no "Options" heading on a rule
  // without options; our pages always have one (saying there are none), so
  // the required sections are listed here instead.
  ruleDocSectionOptions: false,
  ruleDocSectionInclude: ['Examples', 'Options', 'Fix safety', 'When Not To Use It', 'Related rules'],
  urlConfigs: 'https://github.com/async-misuse/eslint-plugin-async-misuse#configs',
};

export default config;
