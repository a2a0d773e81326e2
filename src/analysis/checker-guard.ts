/**
 * The type checker can fail on code the compiler itself chokes on: on a
 * generic chain of helpers from typescript-eslint's own promise-rule tests,
 * resolving a call overflows the stack inside `getResolvedSignature` (plain
 * `tsc --noEmit` overflows on it too). A judgement that meets such a failure
 * answers "don't know" for its node, and the lint run goes on.
 */

/**
 * Runs `question`, a judgement that asks the checker, and gives `fallback`,
 * that judgement's "don't know", when the checker fails while answering.
 * Only failures thrown from TypeScript's own code count: an error thrown by
 * our code (a `TypeError` in a judgement, a recursion of ours too deep) is a
 * bug, and goes on up.
 */
export function askChecker<Answer>(fallback: Answer, question: () => Answer): Answer {
  try {
    return question();
  } catch (error) {
    if (isCheckerFailure(error)) return fallback;
    throw error;
  }
}

/** TypeScript ships its compiler as `typescript/lib/*.js`, in every package manager's layout (Yarn's zip archives too). */
const TYPESCRIPT_LIBRARY_FILE = /[\\/]typescript[\\/]lib[\\/][^\\/]+\.js$/u;

/** A stack frame's file: `at getSymbolChain (/…/typescript.js:57593:30)`, `at /…/typescript.js:12:5`. */
const FRAME_FILE = /^\s+at (?:.* \()?(.+?):\d+:\d+\)?$/u;

/**
 * The error was thrown inside TypeScript: the innermost stack frame that
 * names a file is in the TypeScript library. Frames of built-ins
 * (`at Map.set (<anonymous>)`) name none: the code that called them does.
 */
export function isCheckerFailure(error: unknown): boolean {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return false;
  for (const line of error.stack.split('\n')) {
    const file = FRAME_FILE.exec(line)?.[1];
    if (file !== undefined) return TYPESCRIPT_LIBRARY_FILE.test(file);
  }
  return false;
}
