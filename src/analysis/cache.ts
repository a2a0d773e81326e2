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

/**
 * Makes a cache of something computed from one source file's syntax alone
 * (never from a checker): computed once per `ts.SourceFile` object. The
 * editor's project service makes a new program and checker after every edit
 * but keeps the same `SourceFile` object for each file the edit did not
 * touch (an edited file gets a new one), so a program-wide index built from
 * these walks only the edited file again, not the whole program.
 */
export function cachePerSourceFile<Value>(compute: (sourceFile: ts.SourceFile) => Value): (sourceFile: ts.SourceFile) => Value {
  const values = new WeakMap<ts.SourceFile, Value>();
  return (sourceFile) => {
    if (values.has(sourceFile)) return values.get(sourceFile) as Value;
    const value = compute(sourceFile);
    values.set(sourceFile, value);
    return value;
  };
}
