import path from 'node:path';

import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';
import type { ESLint } from 'eslint';

import { createFixtureESLint } from '../fixtureESLint.js';
import { fixturesDir } from '../ruleTester.js';

/**
 * Lints `code` as a file of the fixture project (real `@types/node`,
 * `@types/express`, the `modules/` files) with a probe rule, so analysis
 * code gets the parser services, scopes and types a rule gets.
 * `listen` returns the probe's listeners; what they record is the test's.
 */
export async function runTypedProbe(
  code: string,
  listen: (
    context: Readonly<TSESLint.RuleContext<never, []>>,
    services: ParserServicesWithTypeInformation,
  ) => TSESLint.RuleListener,
  fileName = 'file.ts',
): Promise<void> {
  const probe: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create: (context) => listen(context, ESLintUtils.getParserServices(context)),
  };
  const eslint = createFixtureESLint({
    configs: [{ plugins: { probe: { rules: { probe } } as unknown as ESLint.Plugin }, rules: { 'probe/probe': 'error' } }],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, fileName) });
  const fatal = result?.messages.find((message) => message.fatal === true || message.ruleId === 'probe/probe');
  if (fatal !== undefined) throw new Error(`probe failed: ${fatal.message}`);
}

/** The label of a function whose body starts with a string statement: `() => { 'label'; … }`. */
export function getFunctionLabel(node: TSESTree.Node): string | undefined {
  if (
    (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression' && node.type !== 'FunctionDeclaration') ||
    node.body.type !== 'BlockStatement'
  ) {
    return undefined;
  }
  const [first] = node.body.body;
  return first?.type === 'ExpressionStatement' && first.expression.type === 'Literal' && typeof first.expression.value === 'string'
    ? first.expression.value
    : undefined;
}
