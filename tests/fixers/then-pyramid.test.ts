import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { buildPromisified } from '../../src/fixers/promisify-callback.js';
import { buildAwaitSequence, buildFlattenedThen } from '../../src/fixers/then-pyramid.js';
import type { CallbackNode } from '../../src/syntax/callback-nesting.js';
import { getEnclosingFunction } from '../../src/syntax/function-node.js';
import { getThenLevel, getThenPyramid } from '../../src/syntax/then-chain.js';
import { findAll } from '../analysis/in-memory-program.js';
import { assertParses, fixWithProbe, withSourceCode, type ProbeContext } from '../lint-probe.js';

function lastHandler(context: ProbeContext): CallbackNode {
  const handlers = findAll(context.sourceCode.ast, AST_NODE_TYPES.ArrowFunctionExpression);
  const last = handlers.at(-1);
  if (last === undefined) throw new Error('no arrow');
  return last;
}

function fixed(code: string, build: (context: ProbeContext) => TSESLint.ReportFixFunction | undefined): string {
  const output = fixWithProbe(code, (context) => {
    const fix = build(context);
    if (fix === undefined) throw new Error('no fix');
    return fix;
  });
  assertParses(output);
  return output;
}

describe('buildFlattenedThen', () => {
  it('moves the inner `.then(h)` behind the outer call, reindented', () => {
    const code = 'p.then((a) => {\n  log(a);\n  return q.then((b) => {\n    return b;\n  });\n});\n';
    const output = fixed(code, (context) => {
      const inner = getThenLevel(lastHandler(context));
      const outerHandler = inner === undefined ? undefined : getEnclosingFunction(inner.call);
      const outer = outerHandler?.type === AST_NODE_TYPES.ArrowFunctionExpression ? getThenLevel(outerHandler) : undefined;
      return inner === undefined || outer === undefined ? undefined : buildFlattenedThen(context.sourceCode, inner, outer);
    });
    expect(output).toBe('p.then((a) => {\n  log(a);\n  return q;\n}).then((b) => {\n  return b;\n});\n');
  });

  it('gives nothing where a comment between the object and `.then` would be lost', () => {
    withSourceCode('p.then((a) => q /* keep */ .then((b) => b));', (context) => {
      const inner = getThenLevel(lastHandler(context));
      const outerHandler = inner === undefined ? undefined : getEnclosingFunction(inner.call);
      const outer = outerHandler?.type === AST_NODE_TYPES.ArrowFunctionExpression ? getThenLevel(outerHandler) : undefined;
      expect(inner && outer && buildFlattenedThen(context.sourceCode, inner, outer)).toBeUndefined();
    });
  });
});

describe('buildAwaitSequence', () => {
  const options = { awaitLastResult: true, errorName: 'error' };

  it('binds each level, keeps the statements between, returns the last result', () => {
    const code = 'async function f() {\n  return a().then(({ x }) => {\n    log(x);\n    return b(x || 1).then((y) => y * 2);\n  });\n}\n';
    const output = fixed(code, (context) => {
      const pyramid = getThenPyramid(lastHandler(context));
      return pyramid === undefined ? undefined : buildAwaitSequence(context.sourceCode, pyramid, options);
    });
    expect(output).toBe('async function f() {\n  const { x } = await a();\n  log(x);\n  const y = await b(x || 1);\n  return y * 2;\n}\n');
  });

  it('parenthesises an operand that binds looser than `await`, and wraps a level with a rejection handler in `try`', () => {
    const code = 'async function f() {\n  return (p || q).then((x) => x, onError);\n}\n';
    const output = fixed(code, (context) => {
      const pyramid = getThenPyramid(lastHandler(context));
      return pyramid === undefined ? undefined : buildAwaitSequence(context.sourceCode, pyramid, options);
    });
    expect(output).toBe(
      'async function f() {\n  let x;\n  try {\n    x = await (p || q);\n  } catch (error) {\n    return onError(error);\n  }\n  return x;\n}\n',
    );
  });

  it('gives nothing where a comment outside what is kept would be lost, or a parameter has a default', () => {
    for (const code of [
      'async function f() {\n  return a().then(/* lost */ (x) => x);\n}\n',
      'async function f() {\n  return a().then((x = 1) => x);\n}\n',
    ]) {
      withSourceCode(code, (context) => {
        const pyramid = getThenPyramid(lastHandler(context));
        expect(pyramid && buildAwaitSequence(context.sourceCode, pyramid, options)).toBeUndefined();
      });
    }
  });
});

describe('buildPromisified', () => {
  it('awaits the promise form, makes the function around async, and moves the rest of the callback after it', () => {
    const code = 'run(() => {\n  api(1, (error, value) => {\n    if (error) throw error;\n    use(value);\n  });\n});\n';
    const output = fixed(code, (context) => {
      const callback = lastHandler(context);
      const call = callback.parent;
      const statement = call.parent;
      const enclosing = getEnclosingFunction(call);
      const body = callback.body;
      const check = body.type === AST_NODE_TYPES.BlockStatement ? body.body[0] : undefined;
      if (call.type !== AST_NODE_TYPES.CallExpression || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      if (enclosing === undefined || check?.type !== AST_NODE_TYPES.IfStatement) return undefined;
      return buildPromisified(context.sourceCode, {
        statement,
        call,
        callback,
        errorCheck: { kind: 'rethrow', statement: check },
        enclosing,
        promiseCallee: 'apiAsync',
        additions: [],
      });
    });
    expect(output).toBe('run(async () => {\n  const value = await apiAsync(1);\n  use(value);\n});\n');
  });
});
