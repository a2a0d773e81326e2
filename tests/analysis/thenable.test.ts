import { describe, expect, it } from 'vitest';

import { classifyExpressionThenability, combineUnionThenability, mayHideThenable } from '../../src/analysis/thenable.js';
import { findInitializer, parseWithTypes } from './in-memory-program.js';

const declarations = `
declare function value<T>(): T;
class CustomThenable { then(onFulfilled: (value: number) => void): void { onFulfilled(1); } }
class NotCallableThen { then = 3; }
interface MaybeThenable { then?: (resolve: (value: string) => void) => void }
`;

/** Classifies `value<TYPE>()` for each case, inside a generic function where type parameters are in scope. */
function classify(typeText: string, typeParameters = ''): string {
  const code = `${declarations}
function probe${typeParameters}() {
  const subject = value<${typeText}>();
  return subject;
}`;
  const { ast, services } = parseWithTypes({ 'main.ts': code });
  return classifyExpressionThenability(services, findInitializer(ast, 'subject'));
}

describe('classifyExpressionThenability', () => {
  it.each([
    ['number', 'not-thenable'],
    ['string', 'not-thenable'],
    ['"literal"', 'not-thenable'],
    ['null', 'not-thenable'],
    ['undefined', 'not-thenable'],
    ['void', 'not-thenable'],
    ['number[]', 'not-thenable'],
    ['{ id: number; name: string }', 'not-thenable'],
    ['Map<string, Promise<number>>', 'not-thenable'],
    ['NotCallableThen', 'not-thenable'],
    ['Promise<number>', 'thenable'],
    ['PromiseLike<number>', 'thenable'],
    ['CustomThenable', 'thenable'],
    ['MaybeThenable', 'thenable'],
    ['number | Promise<number>', 'thenable'],
    ['Promise<number> & { extra: true }', 'thenable'],
    ['any', 'unknown'],
    ['unknown', 'unknown'],
    ['never', 'unknown'],
    ['object', 'unknown'],
    ['{}', 'unknown'],
    ['string | any', 'unknown'],
  ])('classifies %s as %s', (typeText, expected) => {
    expect(classify(typeText)).toBe(expected);
  });

  it('judges a type parameter by its constraint', () => {
    expect(classify('T', '<T>')).toBe('unknown');
    expect(classify('T', '<T extends number>')).toBe('not-thenable');
    expect(classify('T', '<T extends Promise<void>>')).toBe('thenable');
    expect(classify('T | undefined', '<T>')).toBe('unknown');
    expect(classify('T | Promise<number>', '<T>')).toBe('thenable');
  });

  it('says unknown for an unresolved type instead of guessing', () => {
    const { ast, services } = parseWithTypes({ 'main.ts': 'const subject = notDeclaredAnywhere();' });
    expect(classifyExpressionThenability(services, findInitializer(ast, 'subject'))).toBe('unknown');
  });
});

describe('classifyExpressionThenability of a call', () => {
  /** The thenability of `subject`'s initializer, and whether the call's own type was asked (`getTypeAtLocation`). */
  function classifyCall(code: string): { thenability: string; askedCallType: boolean } {
    const { ast, services } = parseWithTypes({ 'main.ts': code });
    const call = findInitializer(ast, 'subject');
    let askedCallType = false;
    const spied = {
      ...services,
      getTypeAtLocation: (node: Parameters<typeof services.getTypeAtLocation>[0]) => {
        if (node === call) askedCallType = true;
        return services.getTypeAtLocation(node);
      },
    };
    return { thenability: classifyExpressionThenability(spied, call), askedCallType };
  }

  it('is thenable by the callee alone when every signature is declared to return a thenable', () => {
    expect(
      classifyCall(`
        declare function load<T>(make: () => T): Promise<T>;
        const subject = load(() => [1, 2].map((n) => n * 2));
      `),
    ).toEqual({ thenability: 'thenable', askedCallType: false });
    expect(
      classifyCall(`
        declare const db: { query(sql: string): Promise<unknown[]>; query(sql: string, values: unknown[]): Promise<unknown[]> };
        const subject = db.query('select 1');
      `),
    ).toEqual({ thenability: 'thenable', askedCallType: false });
  });

  it('asks the call when the signatures disagree or the return depends on the type arguments', () => {
    // One overload returns a plain value: which one runs decides.
    expect(
      classifyCall(`
        declare function read(path: string): Promise<string>;
        declare function read(fd: number): string;
        const subject = read(3);
      `),
    ).toEqual({ thenability: 'not-thenable', askedCallType: true });
    expect(
      classifyCall(`
        declare function pass<T extends Promise<number> | number>(value: T): T;
        const subject = pass(3);
      `),
    ).toEqual({ thenability: 'not-thenable', askedCallType: true });
    // An optional call may give `undefined` instead.
    expect(
      classifyCall(`
        declare const hooks: { close?: () => Promise<void> };
        const subject = hooks.close?.();
      `),
    ).toEqual({ thenability: 'thenable', askedCallType: true });
  });
});

describe('combineUnionThenability', () => {
  it('is thenable if any member is, unknown if any is unknown, else not thenable', () => {
    expect(combineUnionThenability(['not-thenable', 'unknown', 'thenable'])).toBe('thenable');
    expect(combineUnionThenability(['not-thenable', 'unknown'])).toBe('unknown');
    expect(combineUnionThenability(['not-thenable', 'not-thenable'])).toBe('not-thenable');
    expect(combineUnionThenability([])).toBe('not-thenable');
  });
});

describe('mayHideThenable', () => {
  it('distrusts maybe-thenables and tagged primitives, and trusts plain values', () => {
    const code = `
declare function value<T>(): T;
const tagged = value<string & { isEscaped: true }>();
const maybe = value<string | Promise<string>>();
const plain = value<string>();
const record = value<{ id: number } & { name: string }>();
`;
    const { ast, services, checker } = parseWithTypes({ 'main.ts': code });
    const hides = (name: string): boolean =>
      mayHideThenable(checker, services.getTypeAtLocation(findInitializer(ast, name)));
    expect([hides('tagged'), hides('maybe'), hides('plain'), hides('record')]).toEqual([true, true, false, false]);
  });
});
