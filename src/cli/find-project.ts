import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import { UsageError } from './usage-error.js';

export interface Project {
  /** Absolute path of the tsconfig file. */
  tsconfigPath: string;
  /** Its directory: the root the command works from. */
  rootDir: string;
  /** Source files of the project and of the projects it references, absolute. */
  fileNames: string[];
}

/**
 * Config diagnostics that leave nothing to lint: JSON syntax errors (TS1xxx),
 * "Cannot read file" and "File not found" (a broken `extends`). Others, such as
 * an option this TypeScript does not know, or "No inputs were found", are left
 * to the type checker, as `tsc` would.
 */
const isBlockingConfigDiagnostic = (diagnostic: ts.Diagnostic): boolean =>
  diagnostic.category === ts.DiagnosticCategory.Error &&
  (diagnostic.code < 2000 || diagnostic.code === 5083 || diagnostic.code === 6053);

/**
 * Finds the tsconfig to lint: the one named with `--project` (a file or a
 * directory holding `tsconfig.json`), else the nearest `tsconfig.json` from
 * `cwd` upward.
 */
export function findProject(cwd: string, projectOption: string | undefined): Project {
  const tsconfigPath = projectOption === undefined ? findNearestTsconfig(cwd) : resolveProjectOption(cwd, projectOption);
  return {
    tsconfigPath,
    rootDir: path.dirname(tsconfigPath),
    fileNames: [...collectProjectFiles(tsconfigPath, new Set())],
  };
}

function findNearestTsconfig(cwd: string): string {
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) break;
  }
  throw new UsageError(`No tsconfig.json found in ${cwd} or any parent directory (name one with --project)`);
}

function resolveProjectOption(cwd: string, projectOption: string): string {
  const resolved = path.resolve(cwd, projectOption);
  if (!existsSync(resolved)) throw new UsageError(`--project: ${projectOption} does not exist`);
  if (!statSync(resolved).isDirectory()) return resolved;
  const inDirectory = path.join(resolved, 'tsconfig.json');
  if (!existsSync(inDirectory)) throw new UsageError(`--project: no tsconfig.json in ${projectOption}`);
  return inDirectory;
}

/** The project's root files, following `references` so solution-style configs work. */
function collectProjectFiles(tsconfigPath: string, visited: Set<string>): Set<string> {
  const files = new Set<string>();
  if (visited.has(tsconfigPath)) return files;
  visited.add(tsconfigPath);

  const diagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, undefined, host);
  const blocking = [...diagnostics, ...(parsed?.errors ?? []).filter(isBlockingConfigDiagnostic)];
  if (parsed === undefined || blocking[0] !== undefined) {
    const first = blocking[0];
    const reason = first === undefined ? 'cannot be read' : ts.flattenDiagnosticMessageText(first.messageText, ' ');
    throw new UsageError(`${path.relative(process.cwd(), tsconfigPath) || tsconfigPath}: ${reason}`);
  }

  for (const fileName of parsed.fileNames) files.add(path.resolve(fileName));
  for (const reference of parsed.projectReferences ?? []) {
    const referencedConfig = ts.resolveProjectReferencePath(reference);
    if (!existsSync(referencedConfig)) continue;
    for (const fileName of collectProjectFiles(path.resolve(referencedConfig), visited)) files.add(fileName);
  }
  return files;
}
