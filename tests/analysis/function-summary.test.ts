import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  isAsyncWithOnlySyncWork,
  resolveCalledFunction,
  summarizeCallee,
} from '../../src/analysis/function-summary.js';
import { findAll, parseWithTypes } from './in-memory-program.js';

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
