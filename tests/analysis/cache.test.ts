import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { cachePerChecker } from '../../src/analysis/cache.js';

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
