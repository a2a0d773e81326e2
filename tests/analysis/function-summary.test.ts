import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import {
  isAsyncWithOnlySyncWork,
  isCertainlyVoidCall,
  resolveCalledFunction,
  summarizeCallee,
} from '../../src/analysis/function-summary.js';
import { createInMemoryProgram, findAll, parseWithTypes } from './in-memory-program.js';

const helpers = `
export async function formatName(name: string): Promise<string> {
  return name.trim();
}
export async function loadName(id: number): Promise<string> {
  const response = await fetchText(id);
  return response;
}
export declare function fetchText(id: number): Promise<string>;
export async function parse(text: string): Promise<number>;
export async function parse(text: string, radix: number): Promise<number>;
export async function parse(text: string, radix = 10): Promise<number> {
  return Number.parseInt(text, radix);
}
`;

/** Parses `main.ts` (which may import `./helpers`) and summarises the callee of its only call marked `probe(...)`. */
function summarizeProbe(main: string) {
  const { ast, services } = parseWithTypes({ 'main.ts': main, 'helpers.ts': helpers });
  const probe = findAll(ast, AST_NODE_TYPES.CallExpression).find(
    (call) => call.parent.type === AST_NODE_TYPES.CallExpression && call.parent.callee.type === AST_NODE_TYPES.Identifier && call.parent.callee.name === 'probe',
  );
  if (probe === undefined) throw new Error('no probe(call) in the source');
  const call = services.esTreeNodeToTSNodeMap.get(probe);
  return { services, call, summarized: summarizeCallee(services.program, call) };
}

const probeDeclaration = 'declare function probe(value: unknown): void;\n';

describe('summarizeCallee', () => {
  it('reads a local async function that only returns a plain value', () => {
    const { summarized } = summarizeProbe(`${probeDeclaration}
async function double(n: number) { return n * 2; }
probe(double(2));`);
    expect(summarized?.summary).toMatchObject({ isAsync: true, hasAwait: false, returnThenability: 'not-thenable' });
    expect(summarized && isAsyncWithOnlySyncWork(summarized.summary)).toBe(true);
  });

  it('resolves imported functions, overload implementations and const arrows', () => {
    const imported = summarizeProbe(`${probeDeclaration}import { formatName } from './helpers';\nprobe(formatName(' a '));`);
    expect(imported.summarized?.declaration.getSourceFile().fileName).toMatch(/helpers\.ts$/u);
    expect(imported.summarized && isAsyncWithOnlySyncWork(imported.summarized.summary)).toBe(true);

    const overloaded = summarizeProbe(`${probeDeclaration}import { parse } from './helpers';\nprobe(parse('7', 8));`);
    expect(overloaded.summarized?.declaration.body).toBeDefined();
    expect(overloaded.summarized && isAsyncWithOnlySyncWork(overloaded.summarized.summary)).toBe(true);

    const arrow = summarizeProbe(`${probeDeclaration}const triple = async (n: number) => n * 3;\nprobe(triple(1));`);
    expect(arrow.summarized && isAsyncWithOnlySyncWork(arrow.summarized.summary)).toBe(true);
  });

  it('resolves methods through the receiver type', () => {
    const { summarized } = summarizeProbe(`${probeDeclaration}
class Cache { private values = new Map<string, number>(); async read(key: string) { return this.values.get(key); } }
const cache = new Cache();
probe(cache.read('a'));`);
    expect(summarized && isAsyncWithOnlySyncWork(summarized.summary)).toBe(true);
  });

  it('sees awaits, for await, await using and returned promises', () => {
    const cases = [
      `import { loadName } from './helpers';\nprobe(loadName(1));`,
      `async function drain(items: AsyncIterable<number>) { for await (const item of items) { console.log(item); } }\nprobe(drain((async function* () {})()));`,
      `async function open() { await using handle = { async [Symbol.asyncDispose]() {} }; return 1; }\nprobe(open());`,
      `import { fetchText } from './helpers';\nasync function passOn(id: number) { return fetchText(id); }\nprobe(passOn(1));`,
    ];
    for (const main of cases) {
      const { summarized } = summarizeProbe(`${probeDeclaration}${main}`);
      expect(summarized, main).toBeDefined();
      expect(summarized && isAsyncWithOnlySyncWork(summarized.summary), main).toBe(false);
    }
  });

  it('tells a for await loop apart', () => {
    const { summarized } = summarizeProbe(`${probeDeclaration}
async function drain(items: AsyncIterable<number>) { for await (const item of items) { console.log(item); } }
probe(drain((async function* () {})()));`);
    expect(summarized?.summary).toMatchObject({ hasAwait: true, hasForAwait: true });
    const plain = summarizeProbe(`${probeDeclaration}import { loadName } from './helpers';\nprobe(loadName(1));`);
    expect(plain.summarized?.summary).toMatchObject({ hasAwait: true, hasForAwait: false });
  });

  it('does not count awaits of nested functions', () => {
    const { summarized } = summarizeProbe(`${probeDeclaration}
async function schedule() { const later = async () => { await Promise.resolve(1); }; return typeof later; }
probe(schedule());`);
    expect(summarized?.summary.hasAwait).toBe(false);
  });

  it('says "unknown" when a returned value is any', () => {
    const { summarized } = summarizeProbe(`${probeDeclaration}
async function parseJson(text: string) { return JSON.parse(text); }
probe(parseJson('1'));`);
    expect(summarized?.summary.returnThenability).toBe('unknown');
  });

  it('tells a throw outside a catching try from one inside', () => {
    const uncaught = summarizeProbe(`${probeDeclaration}
async function check(n: number) { try { if (n < 0) throw new Error('negative'); } finally { console.log(n); } return n; }
probe(check(1));`);
    expect(uncaught.summarized?.summary.hasUncaughtThrow).toBe(true);
    const caught = summarizeProbe(`${probeDeclaration}
async function check(n: number) { try { if (n < 0) throw new Error('negative'); } catch { return 0; } return n; }
probe(check(1));`);
    expect(caught.summarized?.summary.hasUncaughtThrow).toBe(false);
  });

  it('gives undefined for declarations without a body', () => {
    const { services, call } = summarizeProbe(`${probeDeclaration}import { fetchText } from './helpers';\nprobe(fetchText(1));`);
    expect(resolveCalledFunction(services.program.getTypeChecker(), call)).toBeUndefined();
    const viaInterface = summarizeProbe(`${probeDeclaration}
interface Store { read(): Promise<number> }
declare const store: Store;
probe(store.read());`);
    expect(viaInterface.summarized).toBeUndefined();
  });
});

describe('isCertainlyVoidCall', () => {
  const program = createInMemoryProgram(
    {
      'main.ts': `
import { act, flush } from 'dependency';
function log(): void { console.log('log'); }
function forward(callback: () => void): void { return callback(); }
async function later(): Promise<void> {}
declare function run<R>(task: () => R): R;
declare function external(): void;
interface Logger { log(): void }
declare const logger: Logger;
let swappable = (): void => {};
class Service { flush(): void {} }
export function probes(callback: () => void, service: Service, task: VoidFunction) {
  log();
  console.log('x');
  [1].forEach((item) => item);
  flush();
  callback();
  callback.call(null);
  task();
  act(() => {});
  forward(callback);
  run(() => {});
  external();
  logger.log();
  swappable();
  service.flush();
  later();
}
`,
      'node_modules/dependency/package.json': '{ "name": "dependency", "types": "index.d.ts" }',
      'node_modules/dependency/index.d.ts': `
export declare function flush(): void;
export declare function act(callback: () => void): void;
export declare function act<T>(callback: () => Promise<T>): Promise<T>;
`,
    },
    // The DOM library declares `console`: a function of the standard library.
    { lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'] },
  );
  const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('/main.ts'));
  const probes = sourceFile?.statements.find((statement): statement is ts.FunctionDeclaration => ts.isFunctionDeclaration(statement) && statement.name?.text === 'probes');
  const answers = Object.fromEntries(
    (probes?.body?.statements ?? []).map((statement) => {
      const call = (statement as ts.ExpressionStatement).expression as ts.CallExpression;
      return [call.expression.getText(), isCertainlyVoidCall(program, call)];
    }),
  );

  it('trusts a synchronous function of the program, the standard library and a dependency', () => {
    expect(answers).toMatchObject({ log: true, 'console.log': true, '[1].forEach': true, 'service.flush': true, flush: true });
  });

  it('distrusts what may stand for an async function', () => {
    expect(answers).toMatchObject({
      // A value typed as a function (by the program or the library), and a function handing back a callback's result.
      callback: false,
      task: false,
      forward: false,
      // A void inferred for a type parameter from a callback.
      run: false,
      'callback.call': false,
      // A sometimes-async API: another overload returns a promise.
      act: false,
      // Declared by the program without a body, or by its own interface: an implementation may be async.
      external: false,
      'logger.log': false,
      // A `let` may be reassigned; an async function's call is no void.
      swappable: false,
      later: false,
    });
  });
});
