import path from 'node:path';

import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';

import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

export interface ProbeContext {
  services: ParserServicesWithTypeInformation;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/**
 * Lints `code` as the fixture project's `file.ts` with full type information
 * and a probe rule whose listeners `listen` builds: for judgements that read
 * both types and scopes (which only exist inside an ESLint run).
 */
export async function probeTyped(
  code: string,
  listen: (probe: ProbeContext) => TSESLint.RuleListener,
): Promise<void> {
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return listen({ services: ESLintUtils.getParserServices(context), sourceCode: context.sourceCode });
    },
  };
  const eslint = createFixtureESLint({
    configs: [
      {
        files: ['**/*.ts'],
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  const fatal = result?.messages.find((message) => message.fatal === true || message.ruleId === 'probe/probe');
  if (fatal !== undefined) throw new Error(`probe failed: ${fatal.message}`);
}
