import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { askChecker, isCheckerFailure } from '../../src/analysis/checker-guard.js';
import { summarizeFunction, type FunctionWithBody } from '../../src/analysis/function-summary.js';
import { parseWithTypes } from './in-memory-program.js';

/**
 * From typescript-eslint's no-floating-promises tests: resolving the outer
 * `wrapNode(…)` call overflows the stack of TypeScript's own checker
 * (`tsc --noEmit` overflows on it too).
 */
const overflowing = `
export {};
interface CustomNode<P> {
  getNextNode: () => CustomNode<P>;
}
declare const createNode: () => {
  getNextNode: <T>() => CustomNode<T>;
};
function wrapNode<T>(getNode: () => CustomNode<T>) {
  return getNode;
}
(async () => {
  wrapNode(() => {
    const node = createNode();
    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);
  });
})();
`;

function parseOverflowing() {
  const { program, checker } = parseWithTypes({ 'main.ts': overflowing });
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('main.ts'));
  if (sourceFile !== undefined) visit(sourceFile);
  const outerWrap = nodes.find(
    (node): node is ts.CallExpression =>
      ts.isCallExpression(node) && node.expression.getText() === 'wrapNode' && node.typeArguments === undefined,
  );
  const asyncArrow = nodes.find(
    (node): node is FunctionWithBody =>
      ts.isArrowFunction(node) && node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) === true,
  );
  if (outerWrap === undefined || asyncArrow === undefined) throw new Error('the reproducer changed');
  return { program, checker, outerWrap, asyncArrow };
}

/** The checker with `method` failing inside TypeScript's own code, as a checker bug does. */
function checkerFailingIn(checker: ts.TypeChecker, method: keyof ts.TypeChecker): ts.TypeChecker {
  return new Proxy(checker, {
    get(target, property, receiver) {
      if (property !== method) return Reflect.get(target, property, receiver) as unknown;
      // A parse-tree node without a parent makes the checker itself throw (a TypeError deep inside TypeScript).
      const orphan = { kind: ts.SyntaxKind.Identifier, flags: ts.NodeFlags.None, parent: undefined } as unknown as ts.Node;
      return () => target.getTypeAtLocation(orphan);
    },
  });
}

/** The program, handing out `checker` instead of its own. */
function programWithChecker(program: ts.Program, checker: ts.TypeChecker): ts.Program {
  return new Proxy(program, {
    get(target, property, receiver) {
      return property === 'getTypeChecker' ? () => checker : (Reflect.get(target, property, receiver) as unknown);
    },
  });
}

describe('askChecker', () => {
  it('gives the checker’s answer when it has one', () => {
    const { checker, asyncArrow } = parseOverflowing();
    expect(askChecker('unknown', () => checker.typeToString(checker.getTypeAtLocation(asyncArrow)))).toBe('() => Promise<void>');
  });

  it('gives the fallback when the checker overflows the stack', () => {
    const unguarded = parseOverflowing();
    expect(() => unguarded.checker.getResolvedSignature(unguarded.outerWrap)).toThrow(RangeError);
    const { checker, outerWrap } = parseOverflowing();
    expect(askChecker<ts.Signature | 'unknown' | undefined>('unknown', () => checker.getResolvedSignature(outerWrap))).toBe('unknown');
  });

  it('gives the fallback when a checker method throws inside TypeScript', () => {
    const { checker, outerWrap } = parseOverflowing();
    const failing = checkerFailingIn(checker, 'getResolvedSignature');
    expect(() => failing.getResolvedSignature(outerWrap)).toThrow(TypeError);
    expect(askChecker(undefined, () => failing.getResolvedSignature(outerWrap))).toBeUndefined();
  });

  it('lets errors of our own code through, a stack overflow of ours included', () => {
    expect(() =>
      askChecker(false, () => {
        throw new TypeError('a bug of ours');
      }),
    ).toThrow('a bug of ours');
    const recurse = (depth: number): number => recurse(depth + 1) + 1;
    expect(() => askChecker(0, () => recurse(0))).toThrow(RangeError);
  });
});

describe('isCheckerFailure', () => {
  it('tells where an error was thrown from its innermost frame that names a file', () => {
    const thrownAt = (...frames: string[]): Error => Object.assign(new RangeError('Maximum call stack size exceeded'), {
      stack: ['RangeError: Maximum call stack size exceeded', ...frames].join('\n'),
    });
    expect(isCheckerFailure(thrownAt('    at getSymbolChain (/p/node_modules/typescript/lib/typescript.js:57593:30)'))).toBe(true);
    expect(isCheckerFailure(thrownAt('    at Map.set (<anonymous>)', '    at C:\\p\\node_modules\\typescript\\lib\\typescript.js:9:1'))).toBe(true);
    expect(isCheckerFailure(thrownAt('    at visit (/p/dist/analysis/thenable.js:3:7)', '    at /p/node_modules/typescript/lib/typescript.js:9:1'))).toBe(false);
    expect(isCheckerFailure(thrownAt())).toBe(false);
    expect(isCheckerFailure('a string')).toBe(false);
  });
});

describe('a judgement whose checker fails answers “don’t know”, not a crash', () => {
  it('the function summary of a body whose call the checker cannot resolve: no crash', () => {
    const { program, asyncArrow } = parseOverflowing();
    const summary = summarizeFunction(program, asyncArrow);
    expect(summary.hasAwait).toBe(false);
    // `wrapNode` is declared to return a function, never \`never\`: its call cannot be one that
    // throws, and the overflowing resolution is not asked. (A resolution that fails: next test.)
    expect(summary.hasUncaughtThrow).toBe(false);
  });

  it('the function summary, with a checker whose getResolvedSignature fails', () => {
    const { program, checker } = parseWithTypes({
      'main.ts': `
export {};
// Generic, so only the resolved call can say it does not return \`never\`.
declare function log<T>(message: T): T;
export async function f() {
  log('x');
  return 1;
}
`,
    });
    const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('main.ts'));
    const declaration = sourceFile?.statements.find(
      (statement): statement is FunctionWithBody & ts.FunctionDeclaration =>
        ts.isFunctionDeclaration(statement) && statement.body !== undefined,
    );
    if (declaration === undefined) throw new Error('no function in main.ts');
    expect(summarizeFunction(program, declaration)).toMatchObject({ hasUncaughtThrow: false, returnThenability: 'not-thenable' });
    const failing = programWithChecker(program, checkerFailingIn(checker, 'getResolvedSignature'));
    expect(summarizeFunction(failing, declaration).hasUncaughtThrow).toBe(true);
    const failingTypes = programWithChecker(program, checkerFailingIn(checker, 'getTypeAtLocation'));
    expect(summarizeFunction(failingTypes, declaration).returnThenability).toBe('unknown');
  });
});
