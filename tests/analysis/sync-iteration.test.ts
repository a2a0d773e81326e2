import { describe, expect, it } from 'vitest';

import { classifySyncIteratedElements, getSyncIteratedTypes } from '../../src/analysis/sync-iteration.js';
import type { Thenability } from '../../src/analysis/thenable.js';
import { findInitializer, parseWithTypes } from './in-memory-program.js';

const declarations = `
declare function value<T>(): T;
function* numbers(): Generator<number, string> { yield 1; return 'done'; }
class Plain { name = 'x'; }
class Base { id = 1; }
class Lazy extends Base { then(resolve: (value: number) => void): void { resolve(1); } }
`;

const table: readonly (readonly [typeText: string, expected: Thenability, typeParameters?: string])[] = [
  ['number[]', 'not-thenable'],
  ['readonly string[]', 'not-thenable'],
  ['[number, string]', 'not-thenable'],
  ['string', 'not-thenable'],
  ['Set<number>', 'not-thenable'],
  ['Map<string, number>', 'not-thenable'],
  ['Plain[]', 'not-thenable'],
  ['Iterable<number>', 'not-thenable'],
  ['ReturnType<typeof numbers>', 'not-thenable'],
  ['number[] | Set<string>', 'not-thenable'],
  ['Promise<number>[]', 'thenable'],
  ['(number | Promise<number>)[]', 'thenable'],
  ['Iterable<PromiseLike<string>>', 'thenable'],
  ['AsyncIterable<number>', 'unknown'],
  ['AsyncGenerator<number>', 'unknown'],
  ['number[] | AsyncIterable<number>', 'unknown'],
  ['Iterable<number> & AsyncIterable<number>', 'unknown'],
  ['any', 'unknown'],
  ['unknown', 'unknown'],
  ['any[]', 'unknown'],
  ['void[]', 'unknown'],
  ['(string & { tagged: true })[]', 'unknown'],
  ['Base[]', 'unknown'],
  ['{ length: number }', 'unknown'],
  // Judged by the constraint.
  ['T', 'unknown', '<T>'],
  ['T', 'not-thenable', '<T extends number[]>'],
  ['T[]', 'not-thenable', '<T extends string>'],
  ['T[]', 'unknown', '<T>'],
];

/** One program for the whole table: `subject<N>` is `value<TYPE>()` in a function with the row's type parameters. */
const classified = (() => {
  const rows = table;
  const code = `${declarations}\n${rows
    .map(([typeText, , typeParameters = ''], index) => `function probe${index}${typeParameters}() { const subject${index} = value<${typeText}>(); return subject${index}; }`)
    .join('\n')}`;
  const { ast, services, checker, program } = parseWithTypes({ 'main.ts': code });
  return rows.map(([typeText, expected], index) => ({
    typeText,
    expected,
    actual: classifySyncIteratedElements(program, checker, services.getTypeAtLocation(findInitializer(ast, `subject${index}`))),
  }));
})();

describe('classifySyncIteratedElements', () => {
  it('classifies what for await over each type could wait for', () => {
    expect(classified.map(({ typeText, actual }) => [typeText, actual])).toEqual(
      classified.map(({ typeText, expected }) => [typeText, expected]),
    );
  });
});

describe('getSyncIteratedTypes', () => {
  it('skips the value of the result that ends the loop', () => {
    const { ast, services, checker } = parseWithTypes({
      'main.ts': `${declarations}\nconst subject = numbers();`,
    });
    const types = getSyncIteratedTypes(checker, services.getTypeAtLocation(findInitializer(ast, 'subject')));
    expect(types?.map((type) => checker.typeToString(type))).toEqual(['number']);
  });
});
