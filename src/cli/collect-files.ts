import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { Project } from './find-project.js';
import type { IgnoreFilter } from './user-ignores.js';
import { UsageError } from './usage-error.js';

const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/;
const DECLARATION_FILE = /\.d\.(?:ts|mts|cts)$|\.d\.[^/\\]+\.ts$/;

export function isLintableTypeScriptFile(filePath: string): boolean {
  return (
    TYPESCRIPT_FILE.test(filePath) &&
    !DECLARATION_FILE.test(filePath) &&
    !filePath.split(path.sep).includes('node_modules')
  );
}

export interface CollectedFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Files named on the command line that are not TypeScript sources. */
  skipped: string[];
}

/**
 * Chooses the files to lint. A directory argument (the project root when none
 * is given) stands for the project's source files under it: what the type
 * checker sees, so build output, `.d.ts` files and stray scripts outside the
 * tsconfig are left alone. A file argument is linted as named. Files the
 * project's own ESLint config ignores are dropped either way.
 */
export async function collectFiles(
  project: Project,
  paths: string[],
  cwd: string,
  isIgnored: IgnoreFilter,
): Promise<CollectedFiles> {
  const selected = new Set<string>();
  const skipped: string[] = [];
  for (const argument of paths.length > 0 ? paths : [project.rootDir]) {
    const resolved = path.resolve(cwd, argument);
    const stats = await stat(resolved).catch(() => undefined);
    if (stats === undefined) throw new UsageError(`No such file or directory: ${argument}`);
    if (stats.isDirectory()) {
      const prefix = resolved.endsWith(path.sep) ? resolved : resolved + path.sep;
      for (const fileName of project.fileNames) {
        if (fileName.startsWith(prefix) && isLintableTypeScriptFile(fileName)) selected.add(fileName);
      }
    } else if (TYPESCRIPT_FILE.test(resolved) && !DECLARATION_FILE.test(resolved)) {
      selected.add(resolved);
    } else {
      skipped.push(argument);
    }
  }

  const files: string[] = [];
  for (const file of [...selected].sort()) {
    if (!(await isIgnored(file))) files.push(file);
  }
  return { files, skipped };
}
