import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isCertainlyNotThenable, isCertainlyPlainValue } from '../../src/analysis/not-thenable.js';
import { lintProbe } from '../lint-probe.js';
import { createInMemoryProgram, findAll } from './in-memory-program.js';

/**
 * Lints `code` typed in a program of its own and asks, for every `const name = value`,
 * whether the value is certainly not thenable, and for every `const name = await operand`,
 * whether the operand is certainly a plain value.
 */
function judge(code: string): { notThenable: Record<string, boolean>; plain: Record<string, boolean> } {
  const notThenable: Record<string, boolean> = {};
  const plain: Record<string, boolean> = {};
  lintProbe(
    code,
    (context) => {
      const services = ESLintUtils.getParserServices(context);
      for (const declarator of findAll(context.sourceCode.ast, AST_NODE_TYPES.VariableDeclarator)) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null) continue;
        const name = declarator.id.name;
        if (declarator.init.type === AST_NODE_TYPES.AwaitExpression) {
          plain[name] = isCertainlyPlainValue(services, context.sourceCode, declarator.init.argument);
        } else {
          notThenable[name] = isCertainlyNotThenable(services, declarator.init);
        }
      }
    },
    // The DOM library declares `console`: a function of the standard library.
    { program: createInMemoryProgram({ 'main.ts': code }, { lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'] }) },
  );
  return { notThenable, plain };
}

describe('isCertainlyNotThenable', () => {
  const { notThenable } = judge(`
declare const flag: boolean;
function log(): void { console.log('log'); }
export const aNumber = 1 + 2;
export const aString = 'text'.trim();
export const anObject = { id: 1, name: 'a' };
export const aPromise = Promise.resolve(1);
export const maybePromise = flag ? 1 : Promise.resolve(2);
export const anAny = JSON.parse('1');
export const fromSyncFunction = log();
export const fromConsole = console.log('x');
export const fromOptionalCall = console?.log('x');
export const bothCertain = flag ? log() : console.log('x');
export function run(callback: () => void) {
  const fromParameter = callback();
  const oneUncertain = flag ? log() : callback();
  return [fromParameter, oneUncertain];
}
declare const nothing: void;
export const voidVariable = nothing;
`);

  it('trusts the type of numbers, strings and objects without then', () => {
    expect(notThenable).toMatchObject({ aNumber: true, aString: true, anObject: true });
  });

  it('never says so of a promise, a maybe-promise or any', () => {
    expect(notThenable).toMatchObject({ aPromise: false, maybePromise: false, anAny: false });
  });

  it('counts a void only from a call whose void is certain', () => {
    expect(notThenable).toMatchObject({
      fromSyncFunction: true,
      fromConsole: true,
      fromOptionalCall: true,
      bothCertain: true,
      // `() => void` may hold an async function.
      fromParameter: false,
      oneUncertain: false,
      // A void that comes from no call at all.
      voidVariable: false,
    });
  });
});

describe('isCertainlyPlainValue', () => {
  const { plain } = judge(`
declare const element: string | Promise<string>;
declare const text: string;
declare const unknownValue: unknown;
export class Query { where(): this { return this; } }
export class ThenableQuery extends Query { then(resolve: (rows: string[]) => void) { resolve([]); } }
export class Plain { id = 1; }
declare const query: Query;
export async function probes() {
  const plainNumber = await 1;
  const plainCall = await text.trim();
  const asserted = await (unknownValue as number);
  const assertedDeeper = await (unknownValue as { read(): number }).read();
  const onMaybePromise = await element.toString();
  const html = element.toString();
  const throughConst = await html;
  const subclassed = await query;
  const subclassedCall = await query.where();
  const plainInstance = await new Plain();
  const aPromise = await Promise.resolve(1);
  return [plainNumber, plainCall, asserted, assertedDeeper, onMaybePromise, throughConst, subclassed, subclassedCall, plainInstance, aPromise];
}
`);

  it('says so of plain values and of calls on plain receivers', () => {
    expect(plain).toMatchObject({ plainNumber: true, plainCall: true, plainInstance: true });
  });

  it('distrusts a type assertion, which overrules the checker', () => {
    expect(plain).toMatchObject({ asserted: false, assertedDeeper: false });
  });

  it('distrusts a method called on a receiver that may be a promise, also through a const', () => {
    expect(plain).toMatchObject({ onMaybePromise: false, throughConst: false });
  });

  it('distrusts a class that a subclass of the program makes thenable', () => {
    expect(plain).toMatchObject({ subclassed: false, subclassedCall: false });
  });

  it('never says so of a promise', () => {
    expect(plain.aPromise).toBe(false);
  });
});
