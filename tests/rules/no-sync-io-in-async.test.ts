import rule from '../../src/rules/no-sync-io-in-async.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-sync-io-in-async', rule, {
  valid: [
    // Top-level script code: a CLI may block while it starts.
    `
        import { readFileSync } from 'node:fs';
        export const config = JSON.parse(readFileSync('config.json', 'utf8')) as unknown;
      `,
    // A plain synchronous function: whoever calls it decided to block.
    `
        import { readFileSync } from 'node:fs';
        export function loadConfig(file: string): unknown {
          return JSON.parse(readFileSync(file, 'utf8'));
        }
      `,
    // A synchronous CLI entry point that runs a command and waits for it.
    `
        import { execSync } from 'node:child_process';
        function main(): void {
          const version = execSync('git describe --tags').toString().trim();
          console.log(version);
        }
        main();
      `,
    // A program function that happens to be named like the blocking set.
    `
        function readFileSync(name: string): string {
          return name.toUpperCase();
        }
        export async function load(name: string) {
          return readFileSync(name);
        }
      `,
    // The promise form through the `promises` namespace of `node:fs`.
    `
        import * as fs from 'node:fs';
        export async function load(file: string) {
          return await fs.promises.readFile(file, 'utf8');
        }
      `,
    // A synchronous helper called from async code: only the enclosing function counts, not its callers.
    `
        import { readFileSync } from 'node:fs';
        function readTemplate(name: string): string {
          return readFileSync(name, 'utf8');
        }
        export async function render(name: string) {
          await Promise.resolve();
          return readTemplate(name);
        }
      `,
    // A function declared inside an async function is a plain function of its own.
    `
        import { statSync } from 'node:fs';
        export async function sizes(files: string[]) {
          function sizeOf(file: string): number {
            return statSync(file).size;
          }
          await Promise.resolve();
          return sizeOf;
        }
      `,
    // An arrow stored for later inside an async function runs whenever it is called, not here.
    `
        import { readFileSync } from 'node:fs';
        export async function prepare(file: string) {
          const read = () => readFileSync(file, 'utf8');
          await Promise.resolve();
          return read;
        }
      `,
    // An array callback inside a synchronous function blocks only that function.
    `
        import { readdirSync } from 'node:fs';
        export function listAll(directories: string[]): string[][] {
          return directories.map((directory) => readdirSync(directory));
        }
      `,
    // A timer callback is not one of the contexts the rule watches.
    `
        import { writeFileSync } from 'node:fs';
        export function scheduleFlush(file: string, text: string): void {
          setTimeout(() => writeFileSync(file, text), 1000);
        }
      `,
    // A Node-style callback is not one of the contexts the rule watches.
    `
        import { readFile, writeFileSync } from 'node:fs';
        export function copyLater(from: string, to: string): void {
          readFile(from, (error, data) => {
            if (error === null) writeFileSync(to, data);
          });
        }
      `,
    // An 'exit' listener on process must be synchronous: Node runs nothing after it.
    `
        import { writeFileSync } from 'node:fs';
        process.on('exit', () => {
          writeFileSync('shutdown.log', 'bye');
        });
        export {};
      `,
    // A signal listener on process: the process is being stopped.
    `
        import { rmSync } from 'node:fs';
        process.once('SIGTERM', () => {
          rmSync('server.pid', { force: true });
          process.exit(0);
        });
        export {};
      `,
    // A class field initializer runs when the instance is made, not in the async function around the class.
    `
        import { readFileSync } from 'node:fs';
        export async function makeLoader(file: string) {
          class Loader {
            text = readFileSync(file, 'utf8');
          }
          await Promise.resolve();
          return new Loader();
        }
      `,
    // randomFillSync fills a few bytes: not one of the slow crypto functions.
    `
        import { randomFillSync } from 'node:crypto';
        export async function token() {
          await Promise.resolve();
          return randomFillSync(Buffer.alloc(16)).toString('hex');
        }
      `,
    // An asynchronous XMLHttpRequest (third argument true, or left out) does not block.
    `
        export async function send(url: string) {
          const request = new XMLHttpRequest();
          request.open('GET', url, true);
          request.open('GET', url);
          await Promise.resolve();
          request.send();
        }
      `,
    // An untyped module object: the checker cannot say what readFileSync is.
    `
        declare const fs: any;
        export async function load(file: string) {
          await Promise.resolve();
          return fs.readFileSync(file);
        }
      `,
    // A test reads its fixture synchronously: nothing else is served while it waits.
    `
        import { readFileSync } from 'node:fs';
        import { expect, it } from 'vitest';
        it('parses the fixture', async () => {
          const text = readFileSync('fixture.json', 'utf8');
          expect(await Promise.resolve(JSON.parse(text))).toBeDefined();
        });
      `,
    // Test hooks set up files synchronously: the same.
    `
        import { mkdirSync, rmSync } from 'node:fs';
        import { afterEach, beforeEach } from 'vitest';
        beforeEach(async () => {
          mkdirSync('tmp', { recursive: true });
          await Promise.resolve();
        });
        afterEach(() => rmSync('tmp', { recursive: true, force: true }));
      `,
    // A synchronous generator is a plain function too.
    `
        import { readdirSync } from 'node:fs';
        export function* walk(directory: string): Generator<string> {
          yield* readdirSync(directory);
        }
      `,
    // `on` of an object that is no EventEmitter or EventTarget: the types do not say it is an event.
    `
        import { readFileSync } from 'node:fs';
        class Router {
          on(path: string, handler: () => string): this {
            void path;
            void handler;
            return this;
          }
        }
        export const router = new Router().on('/', () => readFileSync('index.html', 'utf8'));
      `,
    // `catch` of an object that is not a thenable is no promise handler.
    `
        import { existsSync } from 'node:fs';
        class Guard {
          catch(handler: () => void): void {
            handler();
          }
        }
        new Guard().catch(() => {
          if (!existsSync('state')) console.log('no state');
        });
        export {};
      `,
    // A function that takes only a request is a helper, not a request handler.
    `
        import { readFileSync } from 'node:fs';
        import type { IncomingMessage } from 'node:http';
        export function readSessionFile(request: IncomingMessage): string {
          return readFileSync(request.url ?? 'session', 'utf8');
        }
      `,
    // A listen callback runs once at start-up, and its type says nothing about events.
    `
        import { readFileSync } from 'node:fs';
        import { createServer } from 'node:http';
        const server = createServer();
        server.listen(8080, () => {
          console.log(readFileSync('banner.txt', 'utf8'));
        });
      `,
    // Atomics.wait in a plain function: a worker thread that waits on purpose.
    `
        export function waitForFlag(flags: Int32Array): string {
          return Atomics.wait(flags, 0, 0, 100);
        }
      `,
    // A method named like the set on a program object.
    `
        class Cache {
          getSync(key: string): string | undefined {
            return key;
          }
        }
        const cache = new Cache();
        export async function lookUp(key: string) {
          await Promise.resolve();
          return cache.getSync(key);
        }
      `,
    // A program function imported from another module under a Sync name.
    `
        import { readConfigSync } from './modules/blocking-io.js';
        export async function settings() {
          await Promise.resolve();
          return readConfigSync(' name ');
        }
      `,
    // Top-level code of a module with top-level await is still top-level code.
    `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        const template = readFileSync('template.html', 'utf8');
        export const page = template + (await readFile('body.html', 'utf8'));
      `,
    // Checked JavaScript: a synchronous function that requires node:fs.
    {
      filename: 'checked.js',
      code: `
        const { readFileSync } = require('node:fs');
        /** @param {string} file */
        function load(file) {
          return readFileSync(file, 'utf8');
        }
        module.exports = { load };
      `,
    },
    // An array callback at the top level runs with the top-level code.
    `
        import { readFileSync } from 'node:fs';
        export const files = ['a.txt', 'b.txt'].map((file) => readFileSync(file, 'utf8'));
      `,
    // hkdfSync derives a short key in one step: not one of the slow crypto functions.
    `
        import { hkdfSync } from 'node:crypto';
        export async function deriveKey(secret: string) {
          await Promise.resolve();
          return hkdfSync('sha256', secret, 'salt', 'info', 32);
        }
      `,
  ],
  invalid: [
    // readFileSync in an async function: the suggestion adds the node:fs/promises import.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function loadConfig(file: string) {
          const text = readFileSync(file, 'utf8');
          return JSON.parse(text) as unknown;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function loadConfig(file: string) {
          const text = await readFile(file, 'utf8');
          return JSON.parse(text) as unknown;
        }
      `,
            },
          ],
        },
      ],
    },
    // An existing import of readFile from node:fs/promises is reused.
    {
      code: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function load(a: string, b: string) {
          const first = await readFile(a, 'utf8');
          return first + readFileSync(b, 'utf8');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function load(a: string, b: string) {
          const first = await readFile(a, 'utf8');
          return first + await readFile(b, 'utf8');
        }
      `,
            },
          ],
        },
      ],
    },
    // An existing named import from fs/promises gets one more name.
    {
      code: `
        import { writeFileSync } from 'fs';
        import { mkdir } from 'fs/promises';
        export async function save(directory: string, text: string) {
          await mkdir(directory, { recursive: true });
          writeFileSync(directory + '/out.txt', text);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { writeFileSync } from 'fs';
        import { mkdir, writeFile } from 'fs/promises';
        export async function save(directory: string, text: string) {
          await mkdir(directory, { recursive: true });
          await writeFile(directory + '/out.txt', text);
        }
      `,
            },
          ],
        },
      ],
    },
    // `promises as fsp` from node:fs is reused.
    {
      code: `
        import { promises as fsp, statSync } from 'node:fs';
        export async function size(file: string) {
          await fsp.access(file);
          return statSync(file).size;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { promises as fsp, statSync } from 'node:fs';
        export async function size(file: string) {
          await fsp.access(file);
          return (await fsp.stat(file)).size;
        }
      `,
            },
          ],
        },
      ],
    },
    // Through a namespace import: fs.promises of the same namespace.
    {
      code: `
        import * as fs from 'node:fs';
        export async function list(directory: string) {
          return fs.readdirSync(directory, { withFileTypes: true });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import * as fs from 'node:fs';
        export async function list(directory: string) {
          return await fs.promises.readdir(directory, { withFileTypes: true });
        }
      `,
            },
          ],
        },
      ],
    },
    // The callback readFile already has the name: the promise one is imported under another.
    {
      code: `
        import { readFile, readFileSync } from 'node:fs';
        export async function both(a: string, b: string) {
          readFile(a, () => undefined);
          return readFileSync(b);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFile, readFileSync } from 'node:fs';
        import { readFile as readFileAsync } from 'node:fs/promises';
        export async function both(a: string, b: string) {
          readFile(a, () => undefined);
          return await readFileAsync(b);
        }
      `,
            },
          ],
        },
      ],
    },
    // The result is used further: the await gets parentheses.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function title(file: string) {
          return readFileSync(file).toString('utf8').split('\\n')[0];
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function title(file: string) {
          return (await readFile(file)).toString('utf8').split('\\n')[0];
        }
      `,
            },
          ],
        },
      ],
    },
    // statSync with options: throwIfNoEntry has no promise twin, so no suggestion.
    {
      code: `
        import { statSync } from 'node:fs';
        export async function exists(file: string) {
          await Promise.resolve();
          return statSync(file, { throwIfNoEntry: false }) !== undefined;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // existsSync has no promise form: reported with advice, no suggestion.
    {
      code: `
        import { existsSync } from 'node:fs';
        export async function ensure(file: string) {
          await Promise.resolve();
          return existsSync(file);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // A file descriptor: the promise API wants a FileHandle, so no suggestion.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function readStdin() {
          await Promise.resolve();
          return readFileSync(0, 'utf8');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    // A renamed import is still readFileSync.
    {
      code: `
        import { readFileSync as read } from 'node:fs';
        export async function load(file: string) {
          return read(file, 'utf8');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync as read } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function load(file: string) {
          return await readFile(file, 'utf8');
        }
      `,
            },
          ],
        },
      ],
    },
    // A re-export of the program still runs node:fs.
    {
      code: `
        import { readFileSync } from './modules/blocking-io.js';
        export async function load(file: string) {
          return readFileSync(file, 'utf8');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from './modules/blocking-io.js';
        import { readFile } from 'node:fs/promises';
        export async function load(file: string) {
          return await readFile(file, 'utf8');
        }
      `,
            },
          ],
        },
      ],
    },
    // An array callback runs right away inside the async function: reported, but no await fits there.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function loadAll(files: string[]) {
          await Promise.resolve();
          return files.map((file) => readFileSync(file, 'utf8'));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    // A then handler: the suggestion makes it async (the chain adopts its promise).
    {
      code: `
        import { readFileSync } from 'node:fs';
        export function loadLater(file: Promise<string>) {
          return file.then((name) => readFileSync(name, 'utf8'));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 38,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export function loadLater(file: Promise<string>) {
          return file.then(async (name) => await readFile(name, 'utf8'));
        }
      `,
            },
          ],
        },
      ],
    },
    // An event listener: reported, no suggestion (making the listener async changes what a throw does).
    {
      code: `
        import { appendFileSync } from 'node:fs';
        import { EventEmitter } from 'node:events';
        export const audit = new EventEmitter();
        audit.on('event', (line: string) => {
          appendFileSync('audit.log', line + '\\n');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // A node:http request handler.
    {
      code: `
        import { readFileSync } from 'node:fs';
        import { createServer } from 'node:http';
        export const server = createServer((request, response) => {
          response.end(readFileSync('index.html'));
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    // An express handler.
    {
      code: `
        import express from 'express';
        import { readFileSync } from 'node:fs';
        const app = express();
        app.get('/', (request, response) => {
          response.type('html').send(readFileSync('index.html', 'utf8'));
        });
        export { app };
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    // A named request handler, passed wherever.
    {
      code: `
        import { readFileSync } from 'node:fs';
        import type { IncomingMessage, ServerResponse } from 'node:http';
        export function serveFavicon(request: IncomingMessage, response: ServerResponse): void {
          response.end(readFileSync('favicon.ico'));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    // A synchronous XMLHttpRequest in a DOM event listener.
    {
      code: `
        declare const button: HTMLButtonElement;
        button.addEventListener('click', () => {
          const request = new XMLHttpRequest();
          request.open('GET', '/api/state', false);
          request.send();
        });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // Atomics.wait in an async function.
    {
      code: `
        export async function waitForWorker(flags: Int32Array) {
          await Promise.resolve();
          return Atomics.wait(flags, 0, 0);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    // execSync whose output is unused: promisify(exec), with both imports added.
    {
      code: `
        import { execSync } from 'node:child_process';
        export async function build() {
          execSync('npm run build');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'usePromisifiedCommand',
              output: `
        import { execSync, exec } from 'node:child_process';
        import { promisify } from 'node:util';
        export async function build() {
          await promisify(exec)('npm run build');
        }
      `,
            },
          ],
        },
      ],
    },
    // execSync whose output is used: exec resolves to { stdout, stderr }, so no suggestion.
    {
      code: `
        import { execSync } from 'node:child_process';
        export async function revision() {
          await Promise.resolve();
          return execSync('git rev-parse HEAD').toString().trim();
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    // execFileSync with arguments: an existing promisify import is reused.
    {
      code: `
        import { execFileSync } from 'node:child_process';
        import { promisify } from 'node:util';
        export async function commit(message: string) {
          await promisify(setTimeout)(1);
          execFileSync('git', ['commit', '-m', message]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'usePromisifiedCommand',
              output: `
        import { execFileSync, execFile } from 'node:child_process';
        import { promisify } from 'node:util';
        export async function commit(message: string) {
          await promisify(setTimeout)(1);
          await promisify(execFile)('git', ['commit', '-m', message]);
        }
      `,
            },
          ],
        },
      ],
    },
    // spawnSync has no promise form: reported with advice.
    {
      code: `
        import { spawnSync } from 'node:child_process';
        export async function lint() {
          await Promise.resolve();
          return spawnSync('eslint', ['.']).status;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    // zlib through a namespace: promisify(zlib.gzip).
    {
      code: `
        import * as zlib from 'node:zlib';
        export async function compress(body: Buffer) {
          return zlib.gzipSync(body).length;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import * as zlib from 'node:zlib';
        import { promisify } from 'node:util';
        export async function compress(body: Buffer) {
          return (await promisify(zlib.gzip)(body)).length;
        }
      `,
            },
          ],
        },
      ],
    },
    // pbkdf2Sync with every argument: promisify(pbkdf2).
    {
      code: `
        import { pbkdf2Sync } from 'node:crypto';
        export async function hashPassword(password: string, salt: string) {
          const key = pbkdf2Sync(password, salt, 100000, 64, 'sha512');
          return key.toString('hex');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { pbkdf2Sync, pbkdf2 } from 'node:crypto';
        import { promisify } from 'node:util';
        export async function hashPassword(password: string, salt: string) {
          const key = await promisify(pbkdf2)(password, salt, 100000, 64, 'sha512');
          return key.toString('hex');
        }
      `,
            },
          ],
        },
      ],
    },
    // scryptSync: promisify types only its last overload, so no suggestion.
    {
      code: `
        import { scryptSync } from 'node:crypto';
        export async function hashPassword(password: string) {
          await Promise.resolve();
          return scryptSync(password, 'salt', 64);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // Checked JavaScript with require: the suggestion requires node:fs/promises.
    {
      filename: 'checked.js',
      code: `
        const { readFileSync } = require('node:fs');
        /** @param {string} file */
        async function load(file) {
          return readFileSync(file, 'utf8');
        }
        module.exports = { load };
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        const { readFileSync } = require('node:fs');
        const { readFile } = require('node:fs/promises');
        /** @param {string} file */
        async function load(file) {
          return await readFile(file, 'utf8');
        }
        module.exports = { load };
      `,
            },
          ],
        },
      ],
    },
    // An async method of a class.
    {
      code: `
        import * as fs from 'node:fs';
        export class Store {
          constructor(private readonly file: string) {}
          async save(data: unknown) {
            fs.writeFileSync(this.file, JSON.stringify(data));
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import * as fs from 'node:fs';
        export class Store {
          constructor(private readonly file: string) {}
          async save(data: unknown) {
            await fs.promises.writeFile(this.file, JSON.stringify(data));
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // An async arrow with a concise body.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export const load = async (file: string) => readFileSync(file, 'utf8');
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export const load = async (file: string) => await readFile(file, 'utf8');
      `,
            },
          ],
        },
      ],
    },
    // In a parameter default no await can stand: reported without a suggestion.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function render(template = readFileSync('default.html', 'utf8')) {
          await Promise.resolve();
          return template;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 49,
          endLine: 3,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    // A const alias of fs.readFileSync.
    {
      code: `
        import fs from 'node:fs';
        const read = fs.readFileSync;
        export async function load(file: string) {
          await Promise.resolve();
          return read(file);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import fs from 'node:fs';
        import { readFile } from 'node:fs/promises';
        const read = fs.readFileSync;
        export async function load(file: string) {
          await Promise.resolve();
          return await readFile(file);
        }
      `,
            },
          ],
        },
      ],
    },
    // A Dir method: a file-system call without a promise twin of the same name.
    {
      code: `
        import { opendir } from 'node:fs/promises';
        export async function first(directory: string) {
          const dir = await opendir(directory);
          return dir.readSync()?.name;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    // An async helper outside any test block of a test file is still reported.
    {
      code: `
        import { readFileSync } from 'node:fs';
        import { it } from 'vitest';
        async function loadFixture(name: string) {
          return readFileSync(name, 'utf8');
        }
        it('loads', async () => {
          await loadFixture('a.json');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { it } from 'vitest';
        import { readFile } from 'node:fs/promises';
        async function loadFixture(name: string) {
          return await readFile(name, 'utf8');
        }
        it('loads', async () => {
          await loadFixture('a.json');
        });
      `,
            },
          ],
        },
      ],
    },
    // A catch handler of a promise chain that is already async keeps its form.
    {
      code: `
        import { writeFileSync } from 'node:fs';
        export function record(task: Promise<void>) {
          return task.catch(async (error: unknown) => {
            writeFileSync('error.log', String(error));
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { writeFileSync } from 'node:fs';
        import { writeFile } from 'node:fs/promises';
        export function record(task: Promise<void>) {
          return task.catch(async (error: unknown) => {
            await writeFile('error.log', String(error));
          });
        }
      `,
            },
          ],
        },
      ],
    },
    // An async event listener can await: it gets the suggestion.
    {
      code: `
        import { EventEmitter } from 'node:events';
        import { readdirSync } from 'node:fs';
        export const watcher = new EventEmitter();
        watcher.once('ready', async (directory: string) => {
          console.log(readdirSync(directory).length);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { EventEmitter } from 'node:events';
        import { readdirSync } from 'node:fs';
        import { readdir } from 'node:fs/promises';
        export const watcher = new EventEmitter();
        watcher.once('ready', async (directory: string) => {
          console.log((await readdir(directory)).length);
        });
      `,
            },
          ],
        },
      ],
    },
    // An express middleware (request, response, next).
    {
      code: `
        import express from 'express';
        import { appendFileSync } from 'node:fs';
        export const app = express();
        app.use((request, response, next) => {
          appendFileSync('access.log', request.url + '\\n');
          next();
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // A statement that starts with the call, after a line without a semicolon: the suggestion adds one.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function firstLine(file: string) {
          let line = ''
          readFileSync(file, 'utf8').split('\\n').forEach((text) => { line ||= text })
          return line
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function firstLine(file: string) {
          let line = ''
          ;(await readFile(file, 'utf8')).split('\\n').forEach((text) => { line ||= text })
          return line
        }
      `,
            },
          ],
        },
      ],
    },
    // Already awaited (to no effect): the suggestion does not add a second await.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function load(file: string) {
          return await readFileSync(file, 'utf8');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function load(file: string) {
          return await readFile(file, 'utf8');
        }
      `,
            },
          ],
        },
      ],
    },
    // The body of an if without braces: parentheses, and no semicolon that would become the body.
    {
      code: `
        import { readFileSync } from 'node:fs';
        export async function show(file: string, verbose: boolean) {
          if (verbose)
            readFileSync(file).toString()
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'usePromiseForm',
              output: `
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        export async function show(file: string, verbose: boolean) {
          if (verbose)
            (await readFile(file)).toString()
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});
