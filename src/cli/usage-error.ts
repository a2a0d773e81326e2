/**
 * A mistake of the person running the command (unknown flag, missing tsconfig,
 * path that does not exist…): reported as one line and exit code 2, never with
 * a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
