import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location (never hard-coded). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The package the plugin is published as; temp projects import it by this name. */
export const pluginPackageName = 'eslint-plugin-async-misuse';

/** What a typed project that uses the plugin needs to resolve. */
export const typedLintPackages = ['eslint', 'typescript', '@typescript-eslint/parser', 'typescript-eslint'] as const;

/** A throwaway project on disk; `remove()` deletes it. */
export interface TempProject {
  readonly dir: string;
  path(relative: string): string;
  write(relative: string, content: string): void;
  read(relative: string): string;
  remove(): void;
}

/** Creates an empty folder in the OS temp dir and writes `files` (relative path -> content) into it. */
export function createTempProject(prefix: string, files: Record<string, string> = {}): TempProject {
  // realpath: on macOS the temp dir is a symlink, and ESLint and the language server report real paths.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `async-misuse-${prefix}-`)));
  const project: TempProject = {
    dir,
    path: (relative) => path.join(dir, relative),
    write(relative, content) {
      const target = path.join(dir, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    },
    read: (relative) => fs.readFileSync(path.join(dir, relative), 'utf8'),
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [relative, content] of Object.entries(files)) project.write(relative, content);
  return project;
}

/**
 * Makes `<dir>/node_modules` resolve the given packages to the repository's installed copies,
 * and `eslint-plugin-async-misuse` to the repository itself (its `exports` point to `dist/`).
 */
export function linkPackages(dir: string, packages: readonly string[] = typedLintPackages): void {
  const link = (name: string, target: string): void => {
    const linkPath = path.join(dir, 'node_modules', ...name.split('/'));
    fs.mkdirSync(path.dirname(linkPath), { recursive: true });
    // 'junction' is ignored on POSIX and lets Windows link folders without admin rights.
    fs.symlinkSync(target, linkPath, 'junction');
  };
  for (const name of packages) {
    const target = path.join(repoRoot, 'node_modules', ...name.split('/'));
    if (!fs.existsSync(target)) throw new Error(`${name} is not installed in ${repoRoot}/node_modules`);
    link(name, target);
    linkBins(dir, name, target);
  }
  link(pluginPackageName, repoRoot);
}

/**
 * Gives each `bin` of a package a `node_modules/.bin` entry, as npm would: `npm run` and lint-staged
 * find `eslint` there. POSIX only (npm writes `.cmd` shims on Windows).
 */
function linkBins(dir: string, name: string, packageDir: string): void {
  const { bin } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bins = typeof bin === 'string' ? { [path.basename(name)]: bin } : (bin ?? {});
  const binDir = path.join(dir, 'node_modules', '.bin');
  for (const [command, file] of Object.entries(bins)) {
    fs.mkdirSync(binDir, { recursive: true });
    fs.symlinkSync(path.relative(binDir, path.join(dir, 'node_modules', ...name.split('/'), file)), path.join(binDir, command));
  }
}

/** Fails early, with a clear message, when `npm run build` has not produced `dist/`. */
export function assertPluginBuilt(): void {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` before the integration tests');
  }
}

/** A flat config that types `**\/*.ts` with the project service and turns on one of the plugin's configs. */
export function eslintConfigSource(config: 'recommended' | 'strict' = 'recommended'): string {
  return `import parser from '@typescript-eslint/parser';
import asyncMisuse from '${pluginPackageName}';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  { ...asyncMisuse.configs.${config}, files: ['**/*.ts'] },
];
`;
}

/** A strict tsconfig that includes every `.ts` file below it. */
export const tsconfigSource = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['**/*.ts'],
  },
  null,
  2,
)}\n`;

/** The files of a typed ESM project that lints with the plugin (no node_modules: see `linkPackages`). */
export function typedProjectFiles(name: string, config: 'recommended' | 'strict' = 'recommended'): Record<string, string> {
  return {
    'package.json': `${JSON.stringify({ name, version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
    'tsconfig.json': tsconfigSource,
    'eslint.config.js': eslintConfigSource(config),
  };
}

/** A file with one `no-trivial-await` finding whose fix removes the `await`. */
export const trivialAwaitSource = 'export async function double(n: number): Promise<number> {\n  return await n * 2;\n}\n';
/** `trivialAwaitSource` after the fix. */
export const trivialAwaitFixed = 'export async function double(n: number): Promise<number> {\n  return n * 2;\n}\n';

export const trivialAwaitRuleId = 'async-misuse/no-trivial-await';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion without a shell; never rejects on a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
