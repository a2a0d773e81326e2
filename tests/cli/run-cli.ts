import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built command: the tests run what users run. `npm test` builds first. */
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_PATH, ...args],
      { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export const TSCONFIG = JSON.stringify({
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    skipLibCheck: true,
    types: [],
  },
  include: ['src'],
});

export const TRIVIAL_AWAIT = 'export async function f(n: number) { return await n; }\n';
export const TRIVIAL_AWAIT_FIXED = 'export async function f(n: number) { return n; }\n';
export const CLEAN = 'export async function load(url: string) { return await fetch(url); }\n';

/** A project in the temp directory, removed by `dispose`. */
export interface TempProject {
  dir: string;
  read(file: string): string;
  write(file: string, text: string): void;
  dispose(): void;
}

export function createProject(files: Record<string, string>): TempProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-cli-'));
  const project: TempProject = {
    dir,
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [file, text] of Object.entries(files)) project.write(file, text);
  return project;
}
