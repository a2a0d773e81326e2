import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { createContinuationNesting, getFsPromiseTwin, isNativePromise } from '../../src/analysis/continuation-nesting.js';
import { isCallbackArgument } from '../../src/syntax/callback-nesting.js';
import { getFunctionLabel, runTypedProbe } from './typed-probe.js';

/** For each labelled callback (`() => { 'label'; … }`), the labels of its steps, or `-` when it is no step or too shallow. */
async function stepsOfLabelled(code: string, minimumDepth: number, ignore: string[] = []): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  await runTypedProbe(code, (_context, services) => {
    const nesting = createContinuationNesting(services, { ignore });
    const visit = (node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): void => {
      const label = getFunctionLabel(node);
      if (label === undefined || !isCallbackArgument(node)) return;
      const steps = nesting.getStepsTo(node, minimumDepth);
      found[label] = steps === undefined ? '-' : steps.map((step) => `${getFunctionLabel(step.callback) ?? '?'}:${step.reason}`).join(' > ');
    };
    return { ArrowFunctionExpression: visit, FunctionExpression: visit };
  });
  return found;
}

describe('createContinuationNesting', () => {
  it('counts continuations only, through synchronous and unknown callbacks', async () => {
    expect(
      await stepsOfLabelled(
        `
        import { readFile } from 'node:fs';
        declare const ready: Promise<string[]>;
        declare const untyped: any;
        void ready.then((names) => {
          'then';
          names.forEach((name) => {
            'forEach';
            untyped.later(() => {
              'untyped';
              readFile(name, () => {
                'readFile';
                setTimeout(() => { 'timer'; }, 1);
              });
            });
          });
        });
        `,
        1,
      ),
    ).toEqual({
      then: 'then:promise-handler',
      forEach: '-',
      untyped: '-',
      readFile: 'then:promise-handler > readFile:node-style-callback',
      timer: 'then:promise-handler > readFile:node-style-callback > timer:timer',
    });
  });

  it('asks nothing, and answers `undefined`, while the callbacks as written are not deep enough', async () => {
    expect(
      await stepsOfLabelled(
        `
        declare const p: Promise<number>;
        void p.then(() => { 'one'; void p.then(() => { 'two'; void p.then(() => { 'three'; }); }); });
        `,
        3,
      ),
    ).toEqual({ one: '-', two: '-', three: 'one:promise-handler > two:promise-handler > three:promise-handler' });
  });

  it('leaves out error listeners, promise executors, test blocks and ignored names', async () => {
    expect(
      await stepsOfLabelled(
        `
        import { EventEmitter } from 'node:events';
        import { describe } from 'node:test';
        declare function withLock(critical: () => void): void;
        const bus = new EventEmitter();
        describe('suite', () => {
          'describe';
          bus.on('error', () => {
            'error';
            void new Promise<void>((resolve) => {
              'executor';
              withLock(() => {
                'withLock';
                bus.on('data', () => { 'data'; resolve(); });
              });
            });
          });
        });
        `,
        1,
        ['withLock'],
      ),
    ).toEqual({ describe: '-', error: '-', executor: '-', withLock: '-', data: 'data:event-listener' });
  });
});

describe('isNativePromise', () => {
  it('is true for the standard library’s Promise only', async () => {
    const found: Record<string, boolean> = {};
    await runTypedProbe(
      `
      declare const promise: Promise<number>;
      declare const like: PromiseLike<number>;
      declare const maybe: Promise<number> | undefined;
      declare const either: Promise<number> | Promise<string>;
      interface Promise2<T> { then(f: (v: T) => void): void }
      declare const custom: Promise2<number>;
      declare const untyped: any;
      export const all = [promise, like, maybe, either, custom, untyped];
      `,
      (_context, services) => ({
        'ArrayExpression > Identifier'(node: TSESTree.Identifier) {
          found[node.name] = isNativePromise(services, node);
        },
      }),
    );
    expect(found).toEqual({ promise: true, like: false, maybe: false, either: true, custom: false, untyped: false });
  });
});

describe('getFsPromiseTwin', () => {
  it('names the node:fs/promises function of a node:fs callback function under any import, nothing else', async () => {
    const found: string[] = [];
    await runTypedProbe(
      `
      import * as fs from 'node:fs';
      import { readFile as read, watch } from 'fs';
      function readFile(path: string, done: () => void): void { done(); }
      fs.stat('a', () => undefined);
      read('a', () => undefined);
      watch('a', () => undefined);
      readFile('a', () => undefined);
      `,
      (_context, services) => ({
        'Program > ExpressionStatement > CallExpression'(node: TSESTree.CallExpression) {
          found.push(getFsPromiseTwin(services, node.callee) ?? '-');
        },
      }),
    );
    // \`watch\` has no promise twin of the same arguments; the program's own \`readFile\` is no \`node:fs\` function.
    expect(found).toEqual(['stat', 'readFile', '-', '-']);
  });
});
