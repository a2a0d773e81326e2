import path from 'node:path';

import { AST_NODE_TYPES, parseAndGenerateServices, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';

import { isStandardTimerFunction } from '../../src/analysis/timer-api.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * Parses `code` as `fixtures/file.ts` of the fixture project (the DOM library
 * and the real `@types/node`), and asks about the callee of every call
 * wrapped in `probe(…)`.
 */
function probeCallees(code: string): boolean[] {
  const { ast, services } = parseAndGenerateServices(`declare function probe(value: unknown): void;\n${code}`, {
    filePath: path.join(fixturesDir, 'file.ts'),
    project: './tsconfig.json',
    tsconfigRootDir: fixturesDir,
    disallowAutomaticSingleRunInference: true,
    range: true,
    loc: true,
  });
  const answers: boolean[] = [];
  simpleTraverse(ast, {
    enter(node: TSESTree.Node) {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'probe' &&
        node.arguments[0]?.type === AST_NODE_TYPES.CallExpression
      ) {
        const callee = node.arguments[0].callee;
        if (services.program === null) throw new Error('no type information');
        answers.push(isStandardTimerFunction(services, callee, 'setInterval'));
      }
    },
  });
  return answers;
}

describe('isStandardTimerFunction', () => {
  it('finds the global setInterval, window.setInterval and globalThis.setInterval', () => {
    expect(
      probeCallees(`
export {};
probe(setInterval(() => {}, 10));
probe(window.setInterval(() => {}, 10));
probe(globalThis.setInterval(() => {}, 10));
`),
    ).toEqual([true, true, true]);
  });

  it('follows imports from node:timers and timers under any name', () => {
    expect(
      probeCallees(`
import { setInterval as every } from 'node:timers';
import * as timers from 'timers';
probe(every(() => {}, 10));
probe(timers.setInterval(() => {}, 10));
`),
    ).toEqual([true, true]);
  });

  it('leaves out node:timers/promises, whose setInterval is an async iterator', () => {
    expect(
      probeCallees(`
import { setInterval as ticks } from 'node:timers/promises';
probe(ticks(10));
`),
    ).toEqual([false]);
  });

  it('leaves out a function of the program named setInterval', () => {
    expect(
      probeCallees(`
export {};
const scheduler = { setInterval(job: () => void, ms: number) { return [job, ms]; } };
function setInterval(job: () => void, ms: number) { return [job, ms]; }
probe(setInterval(() => {}, 10));
probe(scheduler.setInterval(() => {}, 10));
`),
    ).toEqual([false, false]);
  });

  it('answers for the name asked: setTimeout is not setInterval', () => {
    expect(
      probeCallees(`
export {};
probe(setTimeout(() => {}, 10));
`),
    ).toEqual([false]);
  });
});
