import path from 'node:path';

import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isPromiseReturnRequiredByContract } from '../../src/analysis/promise-contract.js';
import type { FunctionNode } from '../../src/syntax/function-node.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * Runs the contract analysis on every async function of `code` inside a real
 * typed ESLint run (it reads scopes and types) and returns, for each function
 * marked with a `/* name *\/` comment right before it, whether a contract
 * requires its promise.
 */
async function contractsOf(code: string): Promise<Record<string, boolean>> {
  const answers: Record<string, boolean> = {};
  const probe = ESLintUtils.RuleCreator.withoutDocs({
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      const services = ESLintUtils.getParserServices(context);
      const check = (node: FunctionNode): void => {
        if (!node.async) return;
        const marker = context.sourceCode
          .getCommentsBefore(node.parent.type === AST_NODE_TYPES.MethodDefinition || node.parent.type === AST_NODE_TYPES.Property
            ? node.parent
            : node)
          .at(-1);
        if (marker === undefined) return;
        answers[marker.value.trim()] = isPromiseReturnRequiredByContract(services, context.sourceCode, node);
      };
      return {
        ArrowFunctionExpression: check,
        FunctionDeclaration: check,
        FunctionExpression: check,
      } satisfies Record<string, (node: TSESTree.Node & FunctionNode) => void>;
    },
  });
  const eslint = createFixtureESLint({
    configs: [{ files: ['**/*.ts'], plugins: { probe: { rules: { contracts: probe as never } } }, rules: { 'probe/contracts': 'error' } }],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  const fatal = result?.messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(fatal.message);
  return answers;
}

describe('isPromiseReturnRequiredByContract', () => {
  it('follows interfaces, base classes and overrides by what they declare', async () => {
    expect(
      await contractsOf(`
interface Store { load(): Promise<number>; flush(): void }
abstract class Base { abstract save(): Promise<void>; ping(): void {} }
export class Impl extends Base implements Store {
  /* implements a promise member */ async load() { return 1; }
  /* implements a void member */ async flush() { console.log('flush'); }
  /* implements an abstract promise member */ async save() { console.log('save'); }
  /* overrides a void member */ override async ping() { console.log('ping'); }
  /* new member */ async extra() { return 2; }
}
`),
    ).toEqual({
      'implements a promise member': true,
      'implements a void member': false,
      'implements an abstract promise member': true,
      'overrides a void member': false,
      'new member': false,
    });
  });

  it('reads the contextual type of callbacks, annotations and object literals', async () => {
    expect(
      await contractsOf(`
declare function retry<T>(task: () => Promise<T>): Promise<T>;
declare function each(items: number[], visit: (item: number) => void): void;
interface Hooks { start(): Promise<void> }
retry(/* callback wants a promise */ async () => 1);
each([1], /* callback wants void */ async (item) => { console.log(item); });
export const handler: () => Promise<number> = /* annotated variable */ async () => 1;
export const hooks: Hooks = { /* annotated object member */ async start() { console.log('start'); } };
export const loose = { /* unannotated object member */ async start() { console.log('start'); } };
export const names = ['a'].map(/* map callback */ async (name) => name.toUpperCase());
`),
    ).toEqual({
      'callback wants a promise': true,
      'callback wants void': false,
      'annotated variable': true,
      'annotated object member': true,
      'unannotated object member': false,
      'map callback': false,
    });
  });

  it('follows named functions and stored object literals to where they are passed', async () => {
    expect(
      await contractsOf(`
interface Jar { getCookie(url: string): Promise<string> }
declare function request(options: { jar: Jar }): void;
declare function onTick(callback: () => Promise<void>): void;
/* passed by name */ async function tick() { console.log('tick'); }
onTick(tick);
const jar = { /* stored, then passed */ async getCookie(url: string) { return url; } };
request({ jar });
/* never passed */ async function unused() { return 1; }
`),
    ).toEqual({ 'passed by name': true, 'stored, then passed': true, 'never passed': false });
  });

  it('counts another overload that wants the callback to return a promise, where the call fits it', async () => {
    expect(
      await contractsOf(`
declare function define(name: string, processor: (job: string, done: () => void) => void): void;
declare function define(name: string, processor: (job: string) => Promise<void>): void;
declare function on(event: 'ready', listener: () => void): void;
declare function on(event: 'drain', listener: () => Promise<void>): void;
define('a', /* fits the promise overload */ async (job) => console.log(job));
define('b', /* takes done */ async (job, done) => done());
on('ready', /* other arguments fit only the void overload */ async () => console.log('ready'));
`),
    ).toEqual({ 'fits the promise overload': true, 'takes done': false, 'other arguments fit only the void overload': false });
  });

  it('keeps the async of an IIFE only where its promise is kept', async () => {
    expect(
      await contractsOf(`
declare function emit(): void;
declare function track(work: Promise<void>): void;
track((/* passed on */ async () => emit())());
const held = (/* stored */ async () => emit())();
function make() { return (/* returned by a sync function */ async () => emit())(); }
(/* dropped */ async () => emit())();
void (/* voided */ async () => emit())();
async function run() {
  await (/* awaited */ async () => emit())();
  return (/* returned by an async function */ async () => emit())();
}
`),
    ).toEqual({
      'passed on': true,
      stored: true,
      'returned by a sync function': true,
      dropped: false,
      voided: false,
      awaited: false,
      'returned by an async function': false,
    });
  });
});
