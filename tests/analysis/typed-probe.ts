import path from 'node:path';

import { AST_NODE_TYPES, ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ESLint } from 'eslint';

import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

export interface ProbeContext {
  services: ParserServicesWithTypeInformation;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/** `runTypedProbe` for listeners that need only the services and the source code. */
export async function probeTyped(
  code: string,
  listen: (probe: ProbeContext) => TSESLint.RuleListener,
): Promise<void> {
  await runTypedProbe(code, (context, services) => listen({ services, sourceCode: context.sourceCode }));
}

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
    (node.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      node.type !== AST_NODE_TYPES.FunctionExpression &&
      node.type !== AST_NODE_TYPES.FunctionDeclaration) ||
    node.body.type !== AST_NODE_TYPES.BlockStatement
  ) {
    return undefined;
  }
  const [first] = node.body.body;
  return first?.type === AST_NODE_TYPES.ExpressionStatement &&
    first.expression.type === AST_NODE_TYPES.Literal &&
    typeof first.expression.value === 'string'
    ? first.expression.value
    : undefined;
}
