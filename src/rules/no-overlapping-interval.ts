import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import {
  resolveCalledFunction,
  resolveReferencedFunction,
  summarizeFunction,
  type FunctionWithBody,
} from '../analysis/function-summary.js';
import { isCertainlyPlainValue } from '../analysis/not-thenable.js';
import { classifyExpressionThenability, classifyThenability, combineUnionThenability } from '../analysis/thenable.js';
import { isStandardTimerFunction } from '../analysis/timer-api.js';
import { createRule } from '../create-rule.js';
import { getAsyncToken } from '../fixers/make-function-synchronous.js';
import { getParenthesizedRange } from '../fixers/parenthesized-range.js';
import { getLineIndent, reindentRange } from '../fixers/reindent.js';
import { getUnaryOperandText } from '../fixers/replace-expression.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { describeNode } from '../syntax/describe-node.js';
import { isFunctionNode, type FunctionNode } from '../syntax/function-node.js';
import { findInFlightGuard } from '../syntax/in-flight-guard.js';
import { getStatementInList } from '../syntax/statement-list.js';
import { createNamePicker } from '../syntax/unused-name.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

export type Options = [];
export type MessageIds = 'addInFlightGuard' | 'overlappingInterval' | 'refreshTimeoutWhenDone' | 'useSelfSchedulingTimeout';

export default createRule<Options, MessageIds>({
  name: 'no-overlapping-interval',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `setInterval` callbacks that return a promise and are not guarded against overlapping runs',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      overlappingInterval:
        '{{name}} returns a promise, but `setInterval` starts the next run on schedule whether or not this one has finished: when the work is slower than the interval, runs overlap and pile up. Re-arm a `setTimeout` when each run is done, or skip ticks while a run is still in flight.',
      useSelfSchedulingTimeout:
        'Run it in a `setTimeout` loop that schedules the next run when this one has finished (at the same cadence when runs are fast).',
      refreshTimeoutWhenDone:
        'Use a `setTimeout` that `{{handle}}.refresh()` re-arms when each run has finished; `{{handle}}` stays the handle to clear.',
      addInFlightGuard: 'Skip a tick while the previous run is still in flight (a `{{flag}}` flag, cleared in `finally`).',
    },
    schema: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const sourceCode = context.sourceCode;

    /** Local names of `import { setInterval as … }`, from any module: the checker decides which module it is. */
    const importedNames = new Set<string>(['setInterval']);
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
      for (const specifier of statement.specifiers) {
        if (
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.imported.type === AST_NODE_TYPES.Identifier &&
          specifier.imported.name === 'setInterval'
        ) {
          importedNames.add(specifier.local.name);
        }
      }
    }

    /** Syntax first: a callee that can be `setInterval`, and a callback shape we can judge. */
    function isCandidate(call: TSESTree.CallExpression): boolean {
      const callee = call.callee;
      const isNamedSetInterval =
        callee.type === AST_NODE_TYPES.MemberExpression
          ? !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'setInterval'
          : callee.type === AST_NODE_TYPES.Identifier && importedNames.has(callee.name);
      if (!isNamedSetInterval) return false;
      const callback = call.arguments[0];
      if (callback === undefined || callback.type === AST_NODE_TYPES.SpreadElement) return false;
      return isFunctionNode(callback) || getCallbackReference(callback) !== undefined;
    }

    /** The function cannot start a second run before the first has finished, or we cannot tell that it can. */
    function isOverlapSafe(declaration: FunctionWithBody): boolean {
      const summary = summarizeFunction(services.program, declaration);
      if (summary.isGenerator) return true;
      if (!summary.hasAwait && summary.returnThenability !== 'thenable') return true;
      return findInFlightGuard(declaration) !== undefined;
    }

    /**
     * `() => this.flush()`, `async () => { await prune(); }`: every `await`
     * and every returned promise is a call of a function that guards itself
     * (or does nothing asynchronous), or an `await` of a plain value (a
     * microtask, over before any timer fires), so the callback adds no overlap
     * of its own.
     */
    function doesOnlySafeAsyncWork(callback: FunctionNode): boolean {
      const points: TSESTree.Expression[] = [];
      // An object, so the type checker sees the writes made inside the walk's callback.
      const found = { unjudgeable: false };
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement && classifyExpressionThenability(services, callback.body) === 'thenable') {
        points.push(callback.body);
      }
      forEachESTreeDescendant(callback.body, (node) => {
        if (node !== callback.body && isFunctionNode(node)) return false;
        if (node.type === AST_NODE_TYPES.AwaitExpression) points.push(node.argument);
        else if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) found.unjudgeable = true;
        else if (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'await using') found.unjudgeable = true;
        else if (
          node.type === AST_NODE_TYPES.ReturnStatement &&
          node.argument !== null &&
          classifyExpressionThenability(services, node.argument) === 'thenable'
        ) {
          points.push(node.argument);
        }
        return true;
      });
      if (found.unjudgeable || points.length === 0) return false;
      return points.every((point) => {
        if (isCertainlyPlainValue(services, sourceCode, point)) return true;
        const call = getDelegatedCall(point);
        const declaration =
          call === undefined ? undefined : resolveCalledFunction(checker, services.esTreeNodeToTSNodeMap.get(call));
        return declaration !== undefined && isOverlapSafe(declaration);
      });
    }

    /** What to report about the callback, or `undefined` when it cannot overlap (or we cannot tell). */
    function findProblem(callback: TSESTree.Expression): Problem | undefined {
      if (isFunctionNode(callback)) {
        if (callback.generator) return undefined;
        const declaration = services.esTreeNodeToTSNodeMap.get(callback) as FunctionWithBody;
        if (isOverlapSafe(declaration) || doesOnlySafeAsyncWork(callback)) return undefined;
        const asyncToken = callback.async ? getAsyncToken(sourceCode, callback) : undefined;
        if (asyncToken !== undefined) return { callback, loc: asyncToken.loc, name: 'The async callback' };
        return { callback, loc: getFirstThenableReturn(callback).loc, name: 'The callback' };
      }
      const reference = getCallbackReference(callback);
      if (reference === undefined) return undefined;
      const signatures = services.getTypeAtLocation(callback).getCallSignatures();
      if (signatures.length === 0) return undefined;
      const returns = combineUnionThenability(signatures.map((signature) => classifyThenability(checker, signature.getReturnType())));
      if (returns !== 'thenable') return undefined;
      const declaration = resolveReferencedFunction(checker, services.esTreeNodeToTSNodeMap.get(reference) as ts.Expression);
      if (declaration !== undefined && isOverlapSafe(declaration)) return undefined;
      return { callback, reference, loc: reference.loc, name: `\`${describeNode(sourceCode, reference)}\`` };
    }

    function getFirstThenableReturn(callback: FunctionNode): TSESTree.Node {
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return callback.body;
      let found: TSESTree.Node | undefined;
      forEachESTreeDescendant(callback.body, (node) => {
        if (found !== undefined || (node !== callback.body && isFunctionNode(node))) return false;
        if (
          node.type === AST_NODE_TYPES.ReturnStatement &&
          node.argument !== null &&
          classifyExpressionThenability(services, node.argument) === 'thenable'
        ) {
          found = node.argument;
        }
        return true;
      });
      return found ?? callback;
    }

    // ---- suggestions ----------------------------------------------------------

    function getSuggestions(call: TSESTree.CallExpression, problem: Problem): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const statement = getStatementInList(call);
      if (statement === undefined) return [];
      const layout = getLayout(sourceCode, statement, problem.callback);
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const loop = getSelfSchedulingSuggestion(call, problem, statement, layout);
      if (loop !== undefined) suggestions.push(loop);
      const guard = getGuardSuggestion(problem, statement, layout);
      if (guard !== undefined) suggestions.push(guard);
      return suggestions;
    }

    /**
     * The rewrite as a `setTimeout` loop, when it can be mechanical: the
     * handle is thrown away (`setInterval(…);`, `setInterval(…).unref();`),
     * or kept in a `const` whose Node `Timeout` can re-arm itself with
     * `refresh()`, so `clearInterval(handle)` still stops it. A handle stored
     * elsewhere (a property, an array, a return value) would change with every
     * run: then only the guard is offered. The timers get `() => void tick()`,
     * not the async function itself, so that typescript-eslint's
     * `no-misused-promises` has nothing to report on the result either.
     */
    function getSelfSchedulingSuggestion(
      call: TSESTree.CallExpression,
      problem: Problem,
      statement: TSESTree.Statement,
      layout: Layout,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const delay = call.arguments[1];
      if (call.arguments.length !== 2 || delay === undefined || delay.type === AST_NODE_TYPES.SpreadElement) return undefined;
      if (!canInlineCallback(problem)) return undefined;
      const setTimeoutText = getSetTimeoutText(call);
      if (setTimeoutText === undefined) return undefined;
      const { indent, unit } = layout;
      const names = createNamePicker(sourceCode);
      const tick = names.pick('tick');
      const work = renderWork(problem, indent + unit + unit);

      const handle = getConstHandle(call, statement);
      if (handle !== undefined) {
        const text = [
          `const ${tick} = async () => {`,
          `${indent}${unit}try {`,
          work,
          `${indent}${unit}} finally {`,
          `${indent}${unit}${unit}${handle.name}.refresh();`,
          `${indent}${unit}}`,
          `${indent}};`,
          `${indent}const ${sourceCode.getText(handle)} = ${setTimeoutText}(() => void ${tick}(), ${sourceCode.getText(delay)});`,
        ].join('\n');
        return {
          messageId: 'refreshTimeoutWhenDone',
          data: { handle: handle.name },
          fix: (fixer) => fixer.replaceText(statement, text),
        };
      }

      const unref = getDiscardedUnref(call, statement);
      if (unref === undefined) return undefined;
      const started = names.pick('started');
      let delayText = sourceCode.getText(delay);
      let hoisted = '';
      if (!isStableDelay(delay)) {
        const intervalMs = names.pick('intervalMs');
        hoisted = `const ${intervalMs} = ${delayText};\n${indent}`;
        delayText = intervalMs;
      }
      const text = [
        `${hoisted}const ${tick} = async () => {`,
        `${indent}${unit}const ${started} = Date.now();`,
        `${indent}${unit}try {`,
        work,
        `${indent}${unit}} finally {`,
        `${indent}${unit}${unit}${setTimeoutText}(() => void ${tick}(), Math.max(0, ${delayText} - (Date.now() - ${started})))${unref};`,
        `${indent}${unit}}`,
        `${indent}};`,
        `${indent}${setTimeoutText}(() => void ${tick}(), ${delayText})${unref};`,
      ].join('\n');
      return { messageId: 'useSelfSchedulingTimeout', fix: (fixer) => fixer.replaceText(statement, text) };
    }

    /**
     * The guard around the callback's own statements, or around a call of
     * the referenced function. The callback itself becomes synchronous and
     * starts the work in an async arrow it hands to `void`, the form that
     * `no-misused-promises` accepts too.
     */
    function getGuardSuggestion(
      problem: Problem,
      statement: TSESTree.Statement,
      layout: Layout,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const { callback } = problem;
      if (isFunctionNode(callback) && callback.typeParameters !== undefined) return undefined;
      const names = createNamePicker(sourceCode);
      const flag = names.pick(problem.reference === undefined ? 'running' : `${getLastName(problem.reference)}Running`);
      const { unit } = layout;
      const callbackIndent = getLineIndent(sourceCode, callback);
      const inner = callbackIndent + unit;
      const body = [
        '{',
        `${inner}if (${flag}) return;`,
        `${inner}${flag} = true;`,
        `${inner}void (async () => {`,
        `${inner}${unit}try {`,
        renderWork(problem, inner + unit + unit),
        `${inner}${unit}} finally {`,
        `${inner}${unit}${unit}${flag} = false;`,
        `${inner}${unit}}`,
        `${inner}})();`,
        `${callbackIndent}}`,
      ].join('\n');
      return {
        messageId: 'addInFlightGuard',
        data: { flag },
        fix: (fixer) => {
          const fixes = [fixer.insertTextBefore(statement, `let ${flag} = false;\n${layout.indent}`)];
          if (!isFunctionNode(callback)) {
            fixes.push(fixer.replaceText(callback, `() => ${body}`));
            return fixes;
          }
          const asyncToken = callback.async ? getAsyncToken(sourceCode, callback) : undefined;
          if (asyncToken !== undefined) {
            const next = sourceCode.getTokenAfter(asyncToken, { includeComments: true });
            fixes.push(fixer.removeRange([asyncToken.range[0], next?.range[0] ?? asyncToken.range[1]]));
          }
          // The callback now returns nothing: a `Promise<…>` annotation would no longer hold.
          if (callback.returnType !== undefined) fixes.push(fixer.remove(callback.returnType));
          fixes.push(fixer.replaceTextRange(getParenthesizedRange(sourceCode, callback.body), body));
          return fixes;
        },
      };
    }

    /**
     * The callback's work as statements for a `try` block, one indentation
     * level given: its own statements, with `return x` turned into
     * `return await x` (a `finally` must run after the work, not when its
     * promise is handed back); a concise body or a reference becomes an
     * awaited expression.
     */
    function renderWork(problem: Problem, indent: string): string {
      const { callback } = problem;
      if (!isFunctionNode(callback)) return `${indent}await ${getReferenceCallText(callback)};`;
      const body = callback.body;
      if (body.type !== AST_NODE_TYPES.BlockStatement) {
        if (body.type === AST_NODE_TYPES.AwaitExpression) return `${indent}${sourceCode.getText(body)};`;
        return `${indent}await ${getUnaryOperandText(sourceCode, body)};`;
      }
      const first = sourceCode.getTokenAfter(sourceCode.getFirstToken(body) as TSESTree.Token, { includeComments: true });
      const last = sourceCode.getTokenBefore(sourceCode.getLastToken(body) as TSESTree.Token, { includeComments: true });
      if (first === null || last === null || first.range[0] >= body.range[1] - 1) return `${indent}await undefined;`;
      const start = first.range[0];
      const end = last.range[1];
      const edits = getOwnReturns(callback)
        .filter(
          (statement) =>
            statement.argument !== null &&
            statement.argument.type !== AST_NODE_TYPES.AwaitExpression &&
            classifyExpressionThenability(services, statement.argument) !== 'not-thenable',
        )
        .map((statement) => {
          const argument = statement.argument as TSESTree.Expression;
          return { range: argument.range, text: `await ${getUnaryOperandText(sourceCode, argument)}` };
        });
      return reindentRange(sourceCode, start, end, edits, indent);
    }

    /** `pruneExpired()`, `this.flush()` for `this.flush.bind(this)`, `job.bind(ctx, 1)()` otherwise. */
    function getReferenceCallText(callback: TSESTree.Expression): string {
      if (
        callback.type === AST_NODE_TYPES.CallExpression &&
        callback.callee.type === AST_NODE_TYPES.MemberExpression &&
        callback.arguments.length === 1
      ) {
        const target = callback.callee.object;
        const bound = callback.arguments[0] as TSESTree.Node;
        if (target.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(target.object) === sourceCode.getText(bound)) {
          return `${sourceCode.getText(target)}()`;
        }
      }
      return `${sourceCode.getText(callback)}()`;
    }

    /** A function's body can move into another arrow: no parameters, no `this` of its own, no name to call itself by. */
    function canInlineCallback(problem: Problem): boolean {
      const { callback } = problem;
      if (!isFunctionNode(callback)) return true;
      if (callback.params.length > 0 || callback.typeParameters !== undefined) return false;
      if (callback.type === AST_NODE_TYPES.FunctionExpression) {
        if (callback.id !== null) return false;
        const found = { usesOwnThis: false };
        forEachESTreeDescendant(callback.body, (node) => {
          if (found.usesOwnThis || (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression)) return false;
          if (
            node.type === AST_NODE_TYPES.ThisExpression ||
            node.type === AST_NODE_TYPES.MetaProperty ||
            (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments')
          ) {
            found.usesOwnThis = true;
          }
          return true;
        });
        if (found.usesOwnThis) return false;
      }
      return true;
    }

    /** `setTimeout` to write beside this `setInterval`: `window.setTimeout` for `window.setInterval`, the global one for a name. */
    function getSetTimeoutText(call: TSESTree.CallExpression): string | undefined {
      const callee = call.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const objectType = services.getTypeAtLocation(callee.object);
        return objectType.getProperty('setTimeout') === undefined ? undefined : `${sourceCode.getText(callee.object)}.setTimeout`;
      }
      // A local `setTimeout` would not be the timer (an import of node:timers' own is).
      const variable = ASTUtils.findVariable(sourceCode.getScope(call), 'setTimeout');
      if (variable !== null && variable.defs.some((definition) => definition.type !== TSESLint.Scope.DefinitionType.ImportBinding)) {
        return undefined;
      }
      return 'setTimeout';
    }

    /** `timer` of `const timer = setInterval(…)` (an annotation included), when its type is a Node `Timeout` (it has `refresh()`). */
    function getConstHandle(call: TSESTree.CallExpression, statement: TSESTree.Statement): TSESTree.Identifier | undefined {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const' || statement.declarations.length !== 1) {
        return undefined;
      }
      const declarator = statement.declarations[0];
      if (declarator?.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      const handleType = services.getTypeAtLocation(declarator.id);
      return handleType.getProperty('refresh') === undefined ? undefined : declarator.id;
    }

    function isStableDelay(delay: TSESTree.Expression): boolean {
      switch (delay.type) {
        case AST_NODE_TYPES.Literal:
          return typeof delay.value === 'number';
        case AST_NODE_TYPES.UnaryExpression:
          return (delay.operator === '-' || delay.operator === '+') && isStableDelay(delay.argument);
        case AST_NODE_TYPES.BinaryExpression:
          return (
            ['+', '-', '*', '/'].includes(delay.operator) &&
            delay.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
            isStableDelay(delay.left) &&
            isStableDelay(delay.right)
          );
        case AST_NODE_TYPES.Identifier: {
          const variable = ASTUtils.findVariable(sourceCode.getScope(delay), delay);
          const definition = variable?.defs[0];
          return (
            variable?.defs.length === 1 &&
            (definition?.type === TSESLint.Scope.DefinitionType.ImportBinding ||
              (definition?.type === TSESLint.Scope.DefinitionType.Variable && definition.parent.kind === 'const'))
          );
        }
        default:
          return false;
      }
    }

    return {
      CallExpression(call) {
        if (!isCandidate(call)) return;
        if (!isStandardTimerFunction(services, call.callee, 'setInterval')) return;
        const problem = findProblem(call.arguments[0] as TSESTree.Expression);
        if (problem === undefined) return;
        context.report({
          node: problem.callback,
          loc: problem.loc,
          messageId: 'overlappingInterval',
          data: { name: problem.name },
          suggest: getSuggestions(call, problem),
        });
      },
    };
  },
});

interface Problem {
  readonly callback: TSESTree.Expression;
  /** For a callback passed by name: the function it names (`this.flush` of `this.flush.bind(this)`). */
  readonly reference?: TSESTree.Expression;
  readonly loc: TSESTree.SourceLocation;
  readonly name: string;
}

interface Layout {
  /** The indentation of the statement that holds the `setInterval` call. */
  readonly indent: string;
  /** One level of indentation, as the callback's body uses it. */
  readonly unit: string;
}

/** `pruneExpired`, `this.flush`, and the function of `this.flush.bind(this)`. */
function getCallbackReference(callback: TSESTree.Node): TSESTree.Expression | undefined {
  if (callback.type === AST_NODE_TYPES.Identifier) return callback;
  if (callback.type === AST_NODE_TYPES.MemberExpression && !callback.computed) return callback;
  if (
    callback.type === AST_NODE_TYPES.CallExpression &&
    callback.callee.type === AST_NODE_TYPES.MemberExpression &&
    !callback.callee.computed &&
    callback.callee.property.type === AST_NODE_TYPES.Identifier &&
    callback.callee.property.name === 'bind'
  ) {
    return getCallbackReference(callback.callee.object);
  }
  return undefined;
}

/** `this.flush()`, also behind `.catch(…)` / `.finally(…)`: the call whose function does the work. */
function getDelegatedCall(expression: TSESTree.Expression): TSESTree.CallExpression | undefined {
  let current = skipChainExpression(expression);
  while (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    !current.callee.computed &&
    current.callee.property.type === AST_NODE_TYPES.Identifier &&
    (current.callee.property.name === 'catch' || current.callee.property.name === 'finally') &&
    current.callee.object.type === AST_NODE_TYPES.CallExpression
  ) {
    current = current.callee.object;
  }
  return current.type === AST_NODE_TYPES.CallExpression ? current : undefined;
}

function getLastName(reference: TSESTree.Expression): string {
  if (reference.type === AST_NODE_TYPES.Identifier) return reference.name;
  if (reference.type === AST_NODE_TYPES.MemberExpression && reference.property.type === AST_NODE_TYPES.Identifier) {
    return reference.property.name;
  }
  return 'job';
}

function getOwnReturns(callback: FunctionNode): TSESTree.ReturnStatement[] {
  const returns: TSESTree.ReturnStatement[] = [];
  forEachESTreeDescendant(callback.body, (node) => {
    if (node !== callback.body && isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
    return true;
  });
  return returns;
}

/**
 * Indentation for the rewritten code: the statement's, and one level as the
 * callback's body indents its statements (two spaces when it does not show).
 */
function getLayout(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Statement, callback: TSESTree.Expression): Layout {
  const indent = getLineIndent(sourceCode, statement);
  let unit = '  ';
  if (isFunctionNode(callback) && callback.body.type === AST_NODE_TYPES.BlockStatement) {
    const first = callback.body.body[0];
    if (first !== undefined && first.loc.start.line > callback.body.loc.start.line) {
      const outer = getLineIndent(sourceCode, callback.body);
      const inner = getLineIndent(sourceCode, first);
      if (inner.length > outer.length && inner.startsWith(outer)) unit = inner.slice(outer.length);
    }
  }
  return { indent, unit };
}

/** `''` for `setInterval(…);`, `'.unref()'` for `setInterval(…).unref();`, `undefined` when the handle is used. */
function getDiscardedUnref(call: TSESTree.CallExpression, statement: TSESTree.Statement): string | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  if (statement.expression === call) return '';
  const expression = statement.expression;
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.arguments.length === 0 &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    expression.callee.object === call &&
    !expression.callee.computed &&
    expression.callee.property.type === AST_NODE_TYPES.Identifier &&
    expression.callee.property.name === 'unref'
  ) {
    return '.unref()';
  }
  return undefined;
}
