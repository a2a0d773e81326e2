// Makes the benchmark corpus: the TypeScript sources that three npm packages
// ship (pinned as devDependencies, so the corpus is the same everywhere),
// each copied to bench/corpus/<name>/src with a tsconfig.json of its own so
// its types resolve through this repository's node_modules.
//
//   node scripts/prepare-corpus.js           # make what is missing
//   node scripts/prepare-corpus.js --check   # also run tsc and count errors
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = path.join(repoDir, 'bench/corpus');

const common = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  lib: ['es2023', 'dom', 'dom.iterable'],
  target: 'es2022',
};

/** Each package's sources, and the compiler options its own build uses where they matter for types. */
export const corpora = [
  {
    name: 'trpc-server',
    packageName: '@trpc/server',
    // extensionless relative imports, ESM
    packageType: 'module',
    compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler' },
  },
  {
    name: 'mongodb',
    packageName: 'mongodb',
    // the driver's own tsconfig: node16 CommonJS, lib es2023 only
    packageType: 'commonjs',
    compilerOptions: {
      ...common,
      lib: ['es2023'],
      target: 'es2023',
      module: 'node16',
      moduleResolution: 'node16',
      esModuleInterop: false,
      ignoreDeprecations: '6.0',
      noImplicitOverride: true,
      useUnknownInCatchVariables: false,
      useDefineForClassFields: false,
    },
  },
  {
    name: 'openai',
    packageName: 'openai',
    packageType: 'commonjs',
    compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler' },
  },
];

export function prepareCorpus({ check = false } = {}) {
  const prepared = [];
  for (const corpus of corpora) {
    const packageDir = path.join(repoDir, 'node_modules', corpus.packageName);
    const packageJson = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    const target = path.join(corpusDir, corpus.name);
    const stamp = path.join(target, '.version');
    const stampText = `${packageJson.version} ${corpus.packageType} ${JSON.stringify(corpus.compilerOptions)}`;
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== stampText) {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      cpSync(path.join(packageDir, 'src'), path.join(target, 'src'), { recursive: true });
      symlinkSync(path.join(repoDir, 'node_modules'), path.join(target, 'node_modules'), 'dir');
      // Its own package.json, so that this repository's `"type": "module"` does not decide how node16 reads it.
      writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({ private: true, type: corpus.packageType })}\n`);
      writeFileSync(
        path.join(target, 'tsconfig.json'),
        `${JSON.stringify({ compilerOptions: corpus.compilerOptions, include: ['src'] }, null, 2)}\n`,
      );
      writeFileSync(stamp, stampText);
    }
    const files = listTypeScriptFiles(path.join(target, 'src'));
    const lines = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
    const entry = { ...corpus, dir: target, version: packageJson.version, files: files.length, lines };
    if (check) entry.tscErrors = countTscErrors(target);
    prepared.push(entry);
  }
  return prepared;
}

function listTypeScriptFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found.push(...listTypeScriptFiles(file));
    else if (/\.(?:ts|tsx|mts|cts)$/u.test(name) && !/\.d\.[mc]?ts$/u.test(name)) found.push(file);
  }
  return found;
}

function countTscErrors(dir) {
  const tsc = spawnSync(process.execPath, [path.join(repoDir, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (tsc.stdout.match(/error TS\d+/gu) ?? []).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const corpus of prepareCorpus({ check: process.argv.includes('--check') })) {
    const errors = corpus.tscErrors === undefined ? '' : `, tsc: ${corpus.tscErrors} errors`;
    console.log(`${corpus.name} (${corpus.packageName}@${corpus.version}): ${corpus.files} files, ${corpus.lines} lines${errors} — ${corpus.dir}`);
  }
}
