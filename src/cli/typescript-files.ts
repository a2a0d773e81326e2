/** The files the command lints: TypeScript sources of every module kind. */
export const TYPESCRIPT_FILE_GLOBS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
