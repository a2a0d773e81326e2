import { describe, expect, it } from 'vitest';

import { mayBeCallable } from '../../src/analysis/callable.js';
import { findInitializer, parseWithTypes } from './in-memory-program.js';

const { ast, services } = parseWithTypes({
  'main.ts': `
declare function value<T>(): T;
class Handler { handle() {} }
const arrow = () => 1;
const declared = value<(item: string) => void>();
const orNumber = value<(() => void) | number>();
const callableObject = value<{ (): void; name: string }>();
const constructor = Handler;
const aNumber = 1;
const instance = new Handler();
const anAny = value<any>();
const aFunction = value<Function>();
const anUnknown = value<unknown>();
`,
});
const callable = (name: string): boolean => mayBeCallable(services, findInitializer(ast, name));

describe('mayBeCallable', () => {
  it('says yes where some member of the type has a call signature', () => {
    expect(['arrow', 'declared', 'orNumber', 'callableObject'].map(callable)).toEqual([true, true, true, true]);
  });

  it('says no for values that cannot be called', () => {
    // A class can be constructed, not called.
    expect(['aNumber', 'instance', 'constructor'].map(callable)).toEqual([false, false, false]);
  });

  // Bug (precision): `any`, `unknown` and `Function` may well hold a function, but have no call
  // signature. no-trivial-await asks this of the arguments inside a promise executor
  // (`setTimeout(cb, 10)`: asynchronous work started inside); with `cb: any` or `cb: Function` it
  // reports `await new Promise((resolve) => { setTimeout(cb, 10); resolve(1); })`, which it leaves
  // alone for `cb: () => void`. "`any` means don't know: stay silent."
  it.fails('says yes for any, unknown and Function, which may hold a function', () => {
    expect(['anAny', 'anUnknown', 'aFunction'].map(callable)).toEqual([true, true, true]);
  });
});
