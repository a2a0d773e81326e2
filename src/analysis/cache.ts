import type * as ts from 'typescript';

/**
 * Makes a cache that lives as long as one type checker. A checker belongs to
 * one program, so nothing cached here can outlive the types it describes, and
 * a worker thread that builds its own programs gets its own caches.
 */
export function cachePerChecker<Value extends object>(create: () => Value): (checker: ts.TypeChecker) => Value {
  const caches = new WeakMap<ts.TypeChecker, Value>();
  return (checker) => {
    let cache = caches.get(checker);
    if (cache === undefined) {
      cache = create();
      caches.set(checker, cache);
    }
    return cache;
  };
}
