import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

/**
 * Parses `code` (TypeScript, no types) in a real ESLint run and hands the
 * rule context to `probe` at `Program:exit`, when every node has its parent:
 * for unit tests of syntax helpers and fixers that need a `SourceCode`.
 */
export function withSourceCode<Result>(code: string, probe: (context: TSESLint.RuleContext<never, []>) => Result): Result {
  let result: { value: Result } | undefined;
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          result = { value: probe(context) };
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { probe: { rules: { probe: rule as never } } },
    rules: { 'probe/probe': 'error' },
  }, 'probe.ts');
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(fatal.message);
  if (result === undefined) throw new Error('the probe did not run');
  return result.value;
}
