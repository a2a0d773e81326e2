import { AST_NODE_TYPES, ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  findLoopDependence,
  getCollectedResults,
  getLoopAwaits,
  type JudgedLoop,
  usesDeclaredValues,
} from '../analysis/await-dependence.js';
import { isInsideTestBlock } from '../analysis/callback-timing.js';
import { isRealIoAwait } from '../analysis/real-io.js';
import { mayTouchSameRecord } from '../analysis/record-overlap.js';
import {
  getSequenceReason,
  getTypedSequenceReason,
  isArrayTyped,
  isRetryLoop,
} from '../analysis/sequential-on-purpose.js';
import { createRule } from '../create-rule.js';
import { awaitsToPromiseAll, loopToConcurrentMap } from '../fixers/concurrent-awaits.js';
import { getAwaitKeywordLoc } from '../syntax/await-keyword.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { describeNode } from '../syntax/describe-node.js';
import { getEnclosingFunction, isFunctionNode } from '../syntax/function-node.js';
import { createNamePicker, type NamePicker } from '../syntax/unused-name.js';
import { forEachESTreeDescendant, someESTreeDescendant } from '../syntax/walk.js';

export type Options = [];
export type MessageIds = 'awaitInLoop' | 'consecutiveAwaits' | 'runConsecutiveTogether' | 'runPassesTogether';

export default createRule<Options, MessageIds>({
  name: 'prefer-concurrent-awaits',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer starting independent I/O together over awaiting it one request at a time',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      awaitInLoop:
        '`{{name}}` is awaited on every pass of this loop, one request at a time, though no pass needs what another produced: the loop waits for the sum of the requests instead of the longest. Start them together with `Promise.all` over `{{array}}`.',
      consecutiveAwaits:
        '`{{name}}` is requested only after `{{previous}}` has arrived, though its request uses nothing from it: independent requests awaited one by one take the sum of their waits instead of the longest. Start them together with `Promise.all`.',
      runPassesTogether: 'Run the passes at the same time: `await Promise.all({{array}}.map(async …))` (results keep their order).',
      runConsecutiveTogether: 'Await them together: `[…] = await Promise.all([…])`.',
    },
    schema: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    let names: NamePicker | undefined;

    function checkLoop(loop: JudgedLoop): void {
      // Syntax first: an await in the body, a head the suggestion can map over, no purpose by name.
      if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return;
      // `label: await Promise.all(…)` would keep a label nothing can jump to.
      if (loop.parent.type === AST_NODE_TYPES.LabeledStatement) return;
      const awaits = getLoopAwaits(loop);
      if (awaits === undefined || awaits.length === 0) return;
      if (getEnclosingFunction(loop)?.generator === true) return;
      const head = getLoopHead(sourceCode, loop);
      if (head === undefined || isRetryLoop(loop)) return;
      if (awaits.some((node) => isSequentialOnPurposeInLoop(sourceCode, node.argument))) return;
      const collected = getCollectedResults(sourceCode, loop);
      const independence = findLoopDependence(sourceCode, loop, collected, head.counter);
      if (typeof independence === 'string') return;
      // A `continue` would leave a hole in the collected results.
      if (collected !== undefined && independence.continues.length > 0) return;

      // Then the checker: an array to map over, no limiter or timer by type, real I/O.
      if (!isArrayTyped(services, head.array)) return;
      if (awaits.some((node) => getTypedSequenceReason(services, node.argument) !== undefined)) return;
      const io = awaits.find((node) => isRealIoAwait(services, node.argument));
      if (io === undefined || writesRecordAnotherPassTouches(services, sourceCode, loop.body) || isInsideTestBlock(services, loop)) return;

      const array = describeNode(sourceCode, head.array);
      const parameters = head.counter === undefined ? head.parameters : `${(names ??= createNamePicker(sourceCode)).pick('_')}, ${head.parameters}`;
      context.report({
        node: io,
        loc: getAwaitKeywordLoc(sourceCode, io),
        messageId: 'awaitInLoop',
        data: { name: describeOperand(io.argument), array },
        suggest: [
          {
            messageId: 'runPassesTogether',
            data: { array },
            fix: (fixer) =>
              loopToConcurrentMap(fixer, sourceCode, {
                loop,
                array: head.array,
                parameters,
                continues: independence.continues,
                collected,
              }),
          },
        ],
      });
    }

    function checkStatements(statements: readonly TSESTree.Node[]): void {
      let index = 0;
      while (index < statements.length - 1) {
        const run = getIndependentRun(statements, index);
        if (run.length < 2) {
          index += 1;
          continue;
        }
        reportRun(run);
        index += run.length;
      }
    }

    /** The longest run from `start` of awaited declarations that each use nothing the earlier ones produced. */
    function getIndependentRun(statements: readonly TSESTree.Node[], start: number): AwaitDeclaration[] {
      const first = statements[start];
      if (first === undefined || !isAwaitDeclaration(first)) return [];
      const run: AwaitDeclaration[] = [first];
      for (let index = start + 1; index < statements.length; index++) {
        const next = statements[index];
        if (next === undefined || !isAwaitDeclaration(next) || !canJoin(run, next)) break;
        run.push(next);
      }
      // The checker last, for runs syntax allows: both ends of every pair must be real I/O.
      if (run.length < 2 || !isConsecutiveIo(first) || isInsideTestBlock(services, first)) return [];
      const ioRun: AwaitDeclaration[] = [first];
      for (const declaration of run.slice(1)) {
        if (!isConsecutiveIo(declaration)) break;
        ioRun.push(declaration);
      }
      return ioRun;
    }

    function canJoin(run: readonly AwaitDeclaration[], next: AwaitDeclaration): boolean {
      const previous = run.at(-1);
      if (previous === undefined || previous.kind !== next.kind) return false;
      // All annotated (they become a tuple type) or none.
      if (hasAnnotation(previous) !== hasAnnotation(next)) return false;
      // A comment between them would be lost when they become one statement.
      if (sourceCode.getCommentsBefore(next).some((comment) => comment.range[0] >= previous.range[1])) return false;
      const operand = getOperand(next);
      if (getSequenceReason(sourceCode, operand) !== undefined) return false;
      const text = sourceCode.getText(operand);
      return run.every(
        (earlier) =>
          // The same call twice asks again on purpose (a second reading, a poll), or reads state the first advanced.
          sourceCode.getText(getOperand(earlier)) !== text &&
          !usesDeclaredValues(sourceCode, earlier, operand) &&
          !mayTouchSameRecord(services, sourceCode, getOperand(earlier), operand),
      );
    }

    const ioCache = new WeakMap<AwaitDeclaration, boolean>();
    function isConsecutiveIo(declaration: AwaitDeclaration): boolean {
      let answer = ioCache.get(declaration);
      if (answer === undefined) {
        const operand = getOperand(declaration);
        answer =
          getSequenceReason(sourceCode, operand) === undefined &&
          getTypedSequenceReason(services, operand) === undefined &&
          isRealIoAwait(services, operand);
        ioCache.set(declaration, answer);
      }
      return answer;
    }

    function reportRun(run: readonly AwaitDeclaration[]): void {
      const [first, second] = run;
      if (first === undefined || second === undefined) return;
      const secondAwait = second.declarations[0].init;
      context.report({
        node: secondAwait,
        loc: getAwaitKeywordLoc(sourceCode, secondAwait),
        messageId: 'consecutiveAwaits',
        data: { name: describeBinding(second), previous: describeBinding(first) },
        suggest: [{ messageId: 'runConsecutiveTogether', fix: (fixer) => awaitsToPromiseAll(fixer, sourceCode, run) }],
      });
    }

    function describeBinding(declaration: AwaitDeclaration): string {
      const id = declaration.declarations[0].id;
      return id.type === AST_NODE_TYPES.Identifier ? id.name : describeNode(sourceCode, declaration.declarations[0].init.argument);
    }

    function describeOperand(operand: TSESTree.Expression): string {
      const call = skipChainExpression(operand);
      return describeNode(sourceCode, call.type === AST_NODE_TYPES.CallExpression ? call.callee : operand);
    }

    return {
      ForOfStatement: checkLoop,
      ForStatement: checkLoop,
      BlockStatement: (node) => {
        checkStatements(node.body);
      },
      Program: (node) => {
        checkStatements(node.body);
      },
      SwitchCase: (node) => {
        checkStatements(node.consequent);
      },
      StaticBlock: (node) => {
        checkStatements(node.body);
      },
    };
  },
});

/** `const a = await f();` or `let a = await f();`: one declarator, the await its whole initialiser, no await inside it. */
type AwaitDeclaration = TSESTree.VariableDeclaration & {
  kind: 'const' | 'let';
  declarations: [TSESTree.VariableDeclarator & { init: TSESTree.AwaitExpression }];
};

function isAwaitDeclaration(node: TSESTree.Node): node is AwaitDeclaration {
  if (node.type !== AST_NODE_TYPES.VariableDeclaration || node.declare || (node.kind !== 'const' && node.kind !== 'let')) return false;
  const [declarator] = node.declarations;
  return (
    node.declarations.length === 1 &&
    declarator?.init?.type === AST_NODE_TYPES.AwaitExpression &&
    !containsAwait(declarator.init.argument)
  );
}

function getOperand(declaration: AwaitDeclaration): TSESTree.Expression {
  return declaration.declarations[0].init.argument;
}

function hasAnnotation(declaration: AwaitDeclaration): boolean {
  return declaration.declarations[0].id.typeAnnotation !== undefined;
}

function containsAwait(node: TSESTree.Node): boolean {
  return someESTreeDescendant(node, (inner) =>
    isFunctionNode(inner) ? 'skip' : inner.type === AST_NODE_TYPES.AwaitExpression ? 'found' : 'descend',
  );
}

/** What the suggestion maps over, and the callback's parameters. */
interface LoopHead {
  readonly array: TSESTree.Expression;
  readonly parameters: string;
  /** A counting loop's counter, which `map`'s index replaces. */
  readonly counter: TSESLint.Scope.Variable | undefined;
}

/**
 * `for (const x of xs)` (one `const`/`let` declarator), or
 * `for (let i = 0; i < xs.length; i++)` (also `++i`, `i += 1`) with `xs` a
 * name or a property path: the loops that are a walk over an array. Other
 * heads (`for (;;)`, a bound that is no array's length, an outer variable as
 * the element) are no walk `map` can stand for.
 */
function getLoopHead(sourceCode: Readonly<TSESLint.SourceCode>, loop: JudgedLoop): LoopHead | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement) {
    const left = loop.left;
    if (left.type !== AST_NODE_TYPES.VariableDeclaration || (left.kind !== 'const' && left.kind !== 'let')) return undefined;
    const [declarator] = left.declarations;
    if (left.declarations.length !== 1 || declarator === undefined) return undefined;
    return { array: loop.right, parameters: sourceCode.getText(declarator.id), counter: undefined };
  }
  const { init, test, update } = loop;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.kind !== 'let' || init.declarations.length !== 1) return undefined;
  const [declarator] = init.declarations;
  if (
    declarator?.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.id.typeAnnotation !== undefined ||
    declarator.init?.type !== AST_NODE_TYPES.Literal ||
    declarator.init.value !== 0
  ) {
    return undefined;
  }
  const name = declarator.id.name;
  if (
    test?.type !== AST_NODE_TYPES.BinaryExpression ||
    test.operator !== '<' ||
    test.left.type !== AST_NODE_TYPES.Identifier ||
    test.left.name !== name ||
    test.right.type !== AST_NODE_TYPES.MemberExpression ||
    test.right.computed ||
    test.right.property.type !== AST_NODE_TYPES.Identifier ||
    test.right.property.name !== 'length' ||
    !isPropertyPath(test.right.object) ||
    update === null ||
    !isStepByOne(update, name)
  ) {
    return undefined;
  }
  return { array: test.right.object, parameters: name, counter: sourceCode.getDeclaredVariables(declarator)[0] };
}

function isPropertyPath(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPropertyPath(node.object);
}

function isStepByOne(update: TSESTree.Expression, name: string): boolean {
  if (update.type === AST_NODE_TYPES.UpdateExpression) {
    return update.operator === '++' && update.argument.type === AST_NODE_TYPES.Identifier && update.argument.name === name;
  }
  return (
    update.type === AST_NODE_TYPES.AssignmentExpression &&
    update.operator === '+=' &&
    update.left.type === AST_NODE_TYPES.Identifier &&
    update.left.name === name &&
    update.right.type === AST_NODE_TYPES.Literal &&
    update.right.value === 1
  );
}

/**
 * Test blocks (`it`, `test`, hooks) are left alone too: a test runs its steps
 * in order for deterministic assertions and fixtures no two steps share at
 * once (this repository's own tests lint one fixture file path twice in a
 * row, and compare a serial run with a threaded one), and a faster test is
 * not what the rule is for.
 *
 * Sequential on purpose, for a loop: a delay, a limiter, a batch, a reduce
 * chain or an ordered write. Opening or connecting is each pass's own
 * business in a loop (a file per pass), not a step the next pass needs.
 */
function isSequentialOnPurposeInLoop(sourceCode: Readonly<TSESLint.SourceCode>, operand: TSESTree.Expression): boolean {
  const reason = getSequenceReason(sourceCode, operand);
  return reason !== undefined && reason !== 'session-step';
}

/**
 * Any call of the body (awaited or not, in callbacks too) may write a
 * record that the same call of another pass touches (`record-overlap.ts`).
 */
function writesRecordAnotherPassTouches(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: TSESTree.Statement,
): boolean {
  const calls: TSESTree.CallExpression[] = [];
  forEachESTreeDescendant(body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    return true;
  });
  return calls.some((call) => calls.some((other) => mayTouchSameRecord(services, sourceCode, call, other)));
}
