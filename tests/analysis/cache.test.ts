import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { cachePerChecker, cachePerSourceFile } from '../../src/analysis/cache.js';

describe('cachePerChecker', () => {
  it('gives one cache per checker, made on first use', () => {
    let made = 0;
    const cacheFor = cachePerChecker(() => {
      made += 1;
      return new Map<string, number>();
    });
    const first = {} as ts.TypeChecker;
    const second = {} as ts.TypeChecker;
    cacheFor(first).set('answer', 42);
    expect(cacheFor(first).get('answer')).toBe(42);
    expect(cacheFor(second).get('answer')).toBeUndefined();
    expect(made).toBe(2);
  });
});

describe('cachePerSourceFile', () => {
  it('computes once per source file object, an undefined value included', () => {
    const computed: string[] = [];
    const lengthOf = cachePerSourceFile((file) => {
      computed.push(file.fileName);
      return file.text.length > 3 ? file.text.length : undefined;
    });
    const short = { fileName: 'short.ts', text: 'x' } as ts.SourceFile;
    const long = { fileName: 'long.ts', text: 'const x = 1;' } as ts.SourceFile;
    // The same file name with new text, as an edit makes it: a new object, computed again.
    const edited = { fileName: 'long.ts', text: 'const x = 12;' } as ts.SourceFile;
    expect([lengthOf(short), lengthOf(long), lengthOf(short), lengthOf(long), lengthOf(edited)]).toEqual([undefined, 12, undefined, 12, 13]);
    expect(computed).toEqual(['short.ts', 'long.ts', 'long.ts']);
  });
});
