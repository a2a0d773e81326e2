import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  classifyBlockingCall,
  findRenamedSyncBindings,
  isArgumentList,
  isBlockingCallCandidate,
  isCertainlyPath,
  type BlockingCall,
} from '../../src/analysis/blocking-api.js';
import { runTypedProbe } from './typed-probe.js';

/** Every call of `code` that passes the syntax filter, with what the checker makes of it. */
async function classifyCalls(code: string, fileName?: string): Promise<Record<string, BlockingCall | 'not blocking'>> {
  const found: Record<string, BlockingCall | 'not blocking'> = {};
  await runTypedProbe(
    code,
    (context, services) => {
      const renamed = findRenamedSyncBindings(context.sourceCode);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (!isBlockingCallCandidate(node, (name) => renamed.has(name))) return;
          found[context.sourceCode.getText(node)] = classifyBlockingCall(services, node) ?? 'not blocking';
        },
      };
    },
    fileName,
  );
  return found;
}

const fs = (name: string, isMethod = false): BlockingCall => ({ kind: 'module-function', module: 'fs', name, isMethod });

describe('classifyBlockingCall', () => {
  it('resolves node:fs functions under every import form', async () => {
    expect(
      await classifyCalls(`
        import * as f from 'fs';
        import fsDefault from 'node:fs';
        import { readFileSync as read, statSync, existsSync } from 'node:fs';
        const alias = fsDefault.writeFileSync;
        export function run(p: string) {
          f.readFileSync(p);
          fsDefault.mkdirSync(p);
          read(p);
          statSync(p);
          existsSync(p);
          alias(p, 'x');
          f.opendirSync(p).readSync();
        }
      `),
    ).toEqual({
      'f.readFileSync(p)': fs('readFileSync'),
      'fsDefault.mkdirSync(p)': fs('mkdirSync'),
      'read(p)': fs('readFileSync'),
      'statSync(p)': fs('statSync'),
      'existsSync(p)': fs('existsSync'),
      "alias(p, 'x')": fs('writeFileSync'),
      'f.opendirSync(p).readSync()': fs('readSync', true),
      'f.opendirSync(p)': fs('opendirSync'),
    });
  });

  it('follows re-exports of the program, and leaves its own *Sync functions alone', async () => {
    expect(
      await classifyCalls(`
        import { readFileSync, statPathSync, runCommandSync, zlibSync, readConfigSync, loadTextSync } from './modules/blocking-io.js';
        export function run(p: string) {
          readFileSync(p);
          statPathSync(p);
          runCommandSync('ls');
          zlibSync.gzipSync(p);
          readConfigSync(p);
          loadTextSync(p);
        }
      `),
    ).toEqual({
      'readFileSync(p)': fs('readFileSync'),
      'statPathSync(p)': fs('statSync'),
      "runCommandSync('ls')": { kind: 'module-function', module: 'child_process', name: 'execSync', isMethod: false },
      'zlibSync.gzipSync(p)': { kind: 'module-function', module: 'zlib', name: 'gzipSync', isMethod: false },
      'readConfigSync(p)': 'not blocking',
      'loadTextSync(p)': 'not blocking',
    });
  });

  it('resolves require() in checked JavaScript', async () => {
    expect(
      await classifyCalls(
        `
        const { readFileSync, existsSync: exists } = require('node:fs');
        const childProcess = require('child_process');
        async function run(p) {
          readFileSync(p);
          exists(p);
          childProcess.execFileSync('git', ['status']);
        }
        module.exports = { run };
      `,
        'checked.js',
      ),
    ).toEqual({
      'readFileSync(p)': fs('readFileSync'),
      'exists(p)': fs('existsSync'),
      "childProcess.execFileSync('git', ['status'])": {
        kind: 'module-function',
        module: 'child_process',
        name: 'execFileSync',
        isMethod: false,
      },
    });
  });

  it('keeps to the slow crypto functions and every zlib one', async () => {
    expect(
      await classifyCalls(`
        import { pbkdf2Sync, scryptSync, randomFillSync, hkdfSync, generateKeyPairSync } from 'node:crypto';
        import * as zlib from 'node:zlib';
        export function run(secret: string, buffer: Buffer) {
          pbkdf2Sync(secret, 'salt', 1000, 64, 'sha512');
          scryptSync(secret, 'salt', 64);
          generateKeyPairSync('ed25519');
          randomFillSync(buffer);
          hkdfSync('sha256', secret, 'salt', 'info', 32);
          zlib.brotliCompressSync(buffer);
        }
      `),
    ).toEqual({
      "pbkdf2Sync(secret, 'salt', 1000, 64, 'sha512')": { kind: 'module-function', module: 'crypto', name: 'pbkdf2Sync', isMethod: false },
      "scryptSync(secret, 'salt', 64)": { kind: 'module-function', module: 'crypto', name: 'scryptSync', isMethod: false },
      "generateKeyPairSync('ed25519')": {
        kind: 'module-function',
        module: 'crypto',
        name: 'generateKeyPairSync',
        isMethod: false,
      },
      'randomFillSync(buffer)': 'not blocking',
      "hkdfSync('sha256', secret, 'salt', 'info', 32)": 'not blocking',
      'zlib.brotliCompressSync(buffer)': { kind: 'module-function', module: 'zlib', name: 'brotliCompressSync', isMethod: false },
    });
  });

  it('knows Atomics.wait and a synchronous XMLHttpRequest by the standard library', async () => {
    expect(
      await classifyCalls(`
        declare const shared: Int32Array;
        declare const flag: boolean;
        const synchronously = false;
        const waiter = { wait(ms: number) { return ms; } };
        export function run(xhr: XMLHttpRequest, url: string) {
          Atomics.wait(shared, 0, 0);
          xhr.open('GET', url, false);
          xhr.open('GET', url, synchronously);
          xhr.open('GET', url, true);
          xhr.open('GET', url, flag);
          xhr.open('GET', url);
          waiter.wait(1);
        }
      `),
    ).toEqual({
      'Atomics.wait(shared, 0, 0)': { kind: 'atomics-wait' },
      "xhr.open('GET', url, false)": { kind: 'sync-xhr' },
      "xhr.open('GET', url, synchronously)": { kind: 'sync-xhr' },
      "xhr.open('GET', url, true)": 'not blocking',
      "xhr.open('GET', url, flag)": 'not blocking',
      "xhr.open('GET', url)": 'not blocking',
      'waiter.wait(1)': 'not blocking',
    });
  });

  it('leaves program functions of the same names alone, and untyped code', async () => {
    expect(
      await classifyCalls(`
        function readFileSync(path: string) { return path; }
        declare const untyped: any;
        export function run(p: string) {
          readFileSync(p);
          untyped.readFileSync(p);
          untyped.fs.execSync(p);
        }
      `),
    ).toEqual({
      'readFileSync(p)': 'not blocking',
      'untyped.readFileSync(p)': 'not blocking',
      'untyped.fs.execSync(p)': 'not blocking',
    });
  });
});

describe('isBlockingCallCandidate and findRenamedSyncBindings', () => {
  it('asks the checker only about Sync names, wait, open, and names bound to a Sync name', async () => {
    const seen: string[] = [];
    let renamed: string[] = [];
    await runTypedProbe(
      `
        import { readFileSync as read } from 'node:fs';
        import * as fs from 'node:fs';
        const { execSync: run } = require('node:child_process') as typeof import('node:child_process');
        const stat = fs.statSync;
        const copy = read;
        export function go(p: string) {
          read(p); run(p); stat(p); copy(p); fs.promises.readFile(p); fs.readFile(p, () => {}); fs['readFileSync'](p);
        }
      `,
      (context) => {
        const bindings = findRenamedSyncBindings(context.sourceCode);
        renamed = [...bindings].sort();
        return {
          CallExpression(node: TSESTree.CallExpression) {
            if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') return;
            if (isBlockingCallCandidate(node, (name) => bindings.has(name))) seen.push(context.sourceCode.getText(node.callee));
          },
        };
      },
    );
    expect(renamed).toEqual(['read', 'run', 'stat']);
    // `copy = read` is two steps from the name: not a candidate (the checker would follow it, syntax does not).
    expect(seen).toEqual(['read', 'run', 'stat']);
  });
});

describe('isCertainlyPath and isArgumentList', () => {
  it('tell a path from a file descriptor, and an argument list from options', async () => {
    const paths: Record<string, boolean> = {};
    const lists: Record<string, boolean> = {};
    await runTypedProbe(
      `
        declare function path(value: unknown): void;
        declare function list(value: unknown): void;
        declare const fd: number;
        declare const either: string | number;
        declare const untyped: any;
        declare const args: readonly string[];
        export function run<P extends string>(generic: P) {
          path('a.txt'); path(new URL('file:///a')); path(Buffer.from('a')); path(generic);
          path(fd); path(either); path(untyped); path(0);
          list(['status']); list(args); list({ cwd: '/' }); list(untyped);
        }
      `,
      (context, services) => ({
        CallExpression(node: TSESTree.CallExpression) {
          const [argument] = node.arguments;
          if (node.callee.type !== AST_NODE_TYPES.Identifier || argument === undefined) return;
          const text = context.sourceCode.getText(argument);
          if (node.callee.name === 'path') paths[text] = isCertainlyPath(services, argument);
          if (node.callee.name === 'list') lists[text] = isArgumentList(services, argument);
        },
      }),
    );
    expect(paths).toEqual({
      "'a.txt'": true,
      "new URL('file:///a')": true,
      "Buffer.from('a')": true,
      generic: true,
      fd: false,
      either: false,
      untyped: false,
      '0': false,
    });
    expect(lists).toEqual({ "['status']": true, args: true, "{ cwd: '/' }": false, untyped: false });
  });
});
