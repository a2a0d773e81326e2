import rule from '../../src/rules/handle-callback-error.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('handle-callback-error', rule, {
  valid: [
    // The error is read: thrown when set.
    `
        import { readFile } from 'node:fs';
        readFile('config.json', 'utf8', (err, text) => {
          if (err) throw err;
          console.log(text);
        });
      `,
    // The error is passed on to the function's own callback.
    `
        import { readFile } from 'node:fs';
        export function load(file: string, done: (error: Error | null, text?: string) => void): void {
          readFile(file, 'utf8', (err, text) => done(err, text));
        }
      `,
    // Array callbacks five deep whose first parameter is named err: they run in place and receive elements, not errors.
    `
        declare const groups: string[][][][][];
        let count = 0;
        groups.forEach((err) => err.forEach((error) => error.forEach((err) => err.forEach((error) => error.forEach((err) => { count += 1; })))));
        export { count };
      `,
    // Test-framework blocks are no Node-style callbacks, whatever their parameter is called.
    `
        import { describe, it } from 'vitest';
        describe('reading', () => {
          it('works', (err) => {
            console.log('no error parameter here');
          });
        });
      `,
    // A promise executor's first parameter is resolve, even when it is called err.
    `
        export const ready = new Promise<void>((err, reject) => {
          setTimeout(() => reject(new Error('timeout')), 10);
        });
      `,
    // An 'error' event listener: the event is the error, and restarting handles it.
    `
        import { createServer } from 'node:http';
        const server = createServer();
        server.on('error', (err) => {
          console.log('server failed, restarting');
          server.listen(8080);
        });
      `,
    // An 'error' listener on an untyped emitter is not Node-style either.
    `
        declare const socket: any;
        socket.once('error', (error) => {
          socket.reconnect();
        });
      `,
    // An 'error' listener registered on a class that is no EventEmitter by type.
    `
        class Channel {
          on(event: 'error', listener: (error: Error) => void): void;
          on(event: string, listener: () => void): void;
          on(): void {}
        }
        const channel = new Channel();
        channel.on('error', (error) => {
          console.log('channel closed');
        });
      `,
    // A first parameter named err but typed as a domain value (an error rate), not an error.
    `
        declare function onSample(listener: (err: number, label: string) => void): void;
        onSample((err, label) => {
          console.log(label);
        });
      `,
    // An untyped callee, but the callback annotates err as a domain value.
    `
        interface Measurement { readonly value: number }
        declare const sensor: any;
        sensor.read((err: Measurement, unit: string) => {
          console.log(unit);
        });
      `,
    // A .catch handler is a promise handler: the rejection is its whole point, not a Node-style error.
    `
        declare const pending: Promise<string>;
        export const text = pending.catch((err) => 'fallback');
      `,
    // A rejection handler given to .then is a promise handler too.
    `
        declare const pending: Promise<string>;
        export const text = pending.then((value) => value, (error) => 'fallback');
      `,
    // An underscore says the error is deliberately not wanted.
    `
        import { unlink } from 'node:fs';
        unlink('/tmp/lock', (_err) => {
          console.log('lock removed, or was already gone');
        });
      `,
    // An express error handler: answering the request handles the error.
    `
        import express from 'express';
        const app = express();
        app.use((err: Error, request: express.Request, response: express.Response, next: express.NextFunction) => {
          response.sendStatus(500);
        });
      `,
    // A callee named in the ignore option.
    {
      code: `
        import { unlink } from 'node:fs';
        unlink('/tmp/lock', (err) => {
          console.log('best effort');
        });
      `,
      options: [{ ignore: ['unlink'] }],
    },
    // errorNames emptied: names never count, and an untyped callee says nothing.
    {
      code: `
        declare const db: any;
        db.query('select 1', (err, rows) => {
          console.log(rows);
        });
      `,
      options: [{ errorNames: [] }],
    },
    // An untyped callee and a first parameter whose name is not an error name.
    `
        declare const db: any;
        db.query('select 1', (failure, rows) => {
          console.log(rows);
        });
      `,
    // A callback that declares no parameter at all: there is no error parameter to read.
    `
        import { writeFile } from 'node:fs';
        writeFile('out.txt', 'data', () => {
          console.log('written');
        });
      `,
    // The error is read inside a nested function.
    `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          setImmediate(() => {
            if (err) console.error(err);
          });
        });
      `,
    // A function expression that hands all its arguments on reads the error through arguments.
    `
        import { readFile } from 'node:fs';
        declare function report(...values: unknown[]): void;
        readFile('a.txt', function (err, data) {
          report.apply(null, [...arguments]);
        });
      `,
    // A function declaration is not passed to any call here: not a callback of a call.
    `
        export function onRead(err: Error | null, data: string): void {
          console.log(data);
        }
      `,
    // An error-first function whose return value the callee uses decides something; it is not handed a result.
    `
        declare function retry(shouldRetry: (error: Error, attempt: number) => boolean): Promise<void>;
        export const done = retry((error, attempt) => attempt < 3);
      `,
    // A process 'uncaughtException' listener is an event listener, not a Node-style callback.
    `
        process.on('uncaughtException', (err) => {
          process.exit(1);
        });
      `,
    // A destructured first parameter is read by destructuring.
    `
        declare const db: any;
        db.query('select 1', ({ code }, rows) => {
          console.log(code, rows);
        });
      `,
    // The error is read in a typeof check.
    `
        import { stat } from 'node:fs';
        stat('a.txt', (error, stats) => {
          console.log(typeof error === 'object' ? 'missing' : stats.size);
        });
      `,
    // A callee that types the first parameter any, but the callback calls it e: names are all that could tell, and e is none.
    `
        declare function authenticate(done: (err: any, user?: string) => void): void;
        authenticate((e, user) => {
          console.log(user);
        });
      `,
    // Reduce over errors: an array method, the first parameter is the accumulator.
    `
        declare const failures: Error[];
        export const messages = failures.reduce((error, failure) => \`\${failure.message}\`, '');
      `,
    // A stream's 'error' listener registered with once by type.
    `
        import { createReadStream } from 'node:fs';
        const stream = createReadStream('a.txt');
        stream.once('error', (error) => {
          stream.destroy();
        });
      `,
    // A lone parameter that always holds an error: an error handler (an onError hook), called only when something failed.
    `
        declare function onError(handler: (error: Error) => void): void;
        onError((error) => {
          process.exitCode = 1;
        });
      `,
    // held-out: The error is checked and the callback returns early.
    `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          if (err) return;
          console.log(data.length);
        });
      `,
    // held-out: The error is logged.
    `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          console.error(err, data);
        });
      `,
    // held-out: The error rejects a promise.
    `
        import { readFile } from 'node:fs';
        export const text = new Promise<Buffer>((resolve, reject) => {
          readFile('a.txt', (err, data) => (err ? reject(err) : resolve(data)));
        });
      `,
    // held-out: An 'error' listener on an EventEmitter.
    `
        import { EventEmitter } from 'node:events';
        const bus = new EventEmitter();
        bus.on('error', (error) => {
          process.exit(1);
        });
      `,
    // held-out: An 'error' listener on an incoming request.
    `
        import { createServer } from 'node:http';
        createServer((request, response) => {
          request.on('error', (err) => {
            response.statusCode = 400;
            response.end();
          });
        });
      `,
    // held-out: forEach over errors.
    `
        let count = 0;
        [new Error('a')].forEach((err) => {
          count += 1;
        });
        export { count };
      `,
    // held-out: Map.forEach over errors: value first.
    `
        const failures = new Map<string, Error>();
        failures.forEach((err, key) => {
          console.log(key);
        });
      `,
    // held-out: A rejection handler given to then with null first.
    `
        declare const pending: Promise<number>;
        export const value = pending.then(null, (err) => 0);
      `,
    // held-out: A catch handler written as a function expression.
    `
        declare const pending: Promise<number>;
        export const value = pending.catch(function (error) {
          return 0;
        });
      `,
    // held-out: A callee that types the first parameter as a domain value named err.
    `
        interface Progress { readonly percent: number }
        declare function onProgress(listener: (err: Progress, step: string) => void): void;
        onProgress((err, step) => {
          console.log(step);
        });
      `,
    // held-out: A domain type named Result for a parameter named error.
    `
        type Result = { readonly ok: boolean };
        declare function run(listener: (error: Result) => void): void;
        run((error) => {
          console.log('ran');
        });
      `,
    // held-out: An untyped callee with a first parameter named e: not an error name by default.
    `
        declare const legacy: any;
        legacy.fetch('https://example.com', (e, body) => {
          console.log(body);
        });
      `,
    // held-out: An express error middleware written inline.
    `
        import express from 'express';
        const app = express();
        app.use((err: unknown, request: express.Request, response: express.Response, next: express.NextFunction) => {
          response.status(500).end();
        });
      `,
    // held-out: process uncaughtException listener.
    `
        process.on('uncaughtException', (err) => {
          process.exitCode = 1;
        });
      `,
    // held-out: A DOM 'error' event listener.
    `
        export function watchImage(image: HTMLImageElement) {
          image.addEventListener('error', (event) => {
            image.src = 'fallback.png';
          });
        }
      `,
    // held-out: Underscore on a typed Node-style callback.
    `
        import { rm } from 'node:fs';
        rm('tmp', { recursive: true }, (_error) => {
          console.log('cleaned up');
        });
      `,
    // held-out: A test with a done callback.
    `
        import { it } from 'vitest';
        it('runs', () => {
          console.log('no error parameter');
        });
      `,
    // held-out: An error-first function whose boolean answer the callee uses.
    `
        declare function retry(options: object, shouldRetry: (err: Error) => boolean): void;
        retry({}, (err) => true);
      `,
    // held-out: A child process 'exit' listener: no error parameter.
    `
        import { spawn } from 'node:child_process';
        const child = spawn('ls');
        child.on('exit', (code) => {
          console.log(code);
        });
      `,
    // held-out: stream.pipeline with the error handled.
    `
        import { pipeline } from 'node:stream';
        import { createReadStream, createWriteStream } from 'node:fs';
        pipeline(createReadStream('a'), createWriteStream('b'), (err) => {
          if (err) console.error(err);
        });
      `,
    // held-out: A callback passed by name is not checked.
    `
        import { readFile } from 'node:fs';
        function onRead(err: NodeJS.ErrnoException | null, data: Buffer) {
          console.log(data.length);
        }
        readFile('a.txt', onRead);
      `,
    // held-out: A promise executor.
    `
        export const ready = new Promise<void>((resolve, reject) => {
          resolve();
        });
      `,
    // held-out: The error is read by copying it.
    `
        import { readFile } from 'node:fs';
        export let lastError: unknown;
        readFile('a.txt', (err, data) => {
          lastError = err;
        });
      `,
    // held-out-a: A generic iteration over a list of errors: the callee declares its item as a type parameter, it hands over items, not a failure.
    `
        declare function each<T>(list: readonly T[], iteratee: (value: T, index: number) => unknown): readonly T[];
        declare class Queue<T> { process(worker: (job: T, done: (error?: Error) => void) => void): void }
        declare const failures: Error[];
        declare const retries: Queue<Error>;
        each(failures, (err, index) => console.log('failure', index));
        retries.process((err, done) => done());
      `,
  ],
  invalid: [
    // An error typed without null but followed by a result (aws-sdk v2's (err: AWSError, data) => void): a Node-style callback.
    {
      code: `
        class AWSError extends Error {}
        declare const s3: { getObject(params: object, done: (err: AWSError, data: string) => void): void };
        s3.getObject({}, (err, data) => {
          console.log(data);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        class AWSError extends Error {}
        declare const s3: { getObject(params: object, done: (err: AWSError, data: string) => void): void };
        s3.getObject({}, (err, data) => {
          if (err) throw err;
          console.log(data);
        });
      `,
            },
          ],
        },
      ],
    },
    // fs.readFile whose error is never read: throw it.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('config.json', 'utf8', (err, text) => {
          console.log(text);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        readFile('config.json', 'utf8', (err, text) => {
          if (err) throw err;
          console.log(text);
        });
      `,
            },
          ],
        },
      ],
    },
    // Inside a function that has its own callback: pass the error on, or throw it.
    {
      code: `
        import { readFile } from 'node:fs';
        export function load(file: string, done: (error: Error | null, text?: string) => void): void {
          readFile(file, 'utf8', (err, text) => {
            done(null, text);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'forwardError',
              output: `
        import { readFile } from 'node:fs';
        export function load(file: string, done: (error: Error | null, text?: string) => void): void {
          readFile(file, 'utf8', (err, text) => {
            if (err) return done(err);
            done(null, text);
          });
        }
      `,
            },
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        export function load(file: string, done: (error: Error | null, text?: string) => void): void {
          readFile(file, 'utf8', (err, text) => {
            if (err) throw err;
            done(null, text);
          });
        }
      `,
            },
          ],
        },
      ],
    },
    // An expression body becomes a block that returns the expression.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a.txt', 'utf8', (err, text) => console.log(text));
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        readFile('a.txt', 'utf8', (err, text) => { if (err) throw err; return console.log(text); });
      `,
            },
          ],
        },
      ],
    },
    // A function expression callback.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a.txt', 'utf8', function (error, text) {
          console.log(text);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        readFile('a.txt', 'utf8', function (error, text) {
          if (error) throw error;
          console.log(text);
        });
      `,
            },
          ],
        },
      ],
    },
    // An untyped callee: the name err counts, because the types cannot tell.
    {
      code: `
        declare const db: any;
        db.query('select * from orders', (err, rows) => {
          console.log(rows);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare const db: any;
        db.query('select * from orders', (err, rows) => {
          if (err) throw err;
          console.log(rows);
        });
      `,
            },
          ],
        },
      ],
    },
    // A callee that types the first parameter any (passport's done): the name counts.
    {
      code: `
        declare function authenticate(done: (err: any, user?: string) => void): void;
        authenticate((err, user) => {
          console.log(user);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare function authenticate(done: (err: any, user?: string) => void): void;
        authenticate((err, user) => {
          if (err) throw err;
          console.log(user);
        });
      `,
            },
          ],
        },
      ],
    },
    // The name error counts too, by default.
    {
      code: `
        declare const cache: any;
        cache.get('key', (error, value) => {
          console.log(value);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare const cache: any;
        cache.get('key', (error, value) => {
          if (error) throw error;
          console.log(value);
        });
      `,
            },
          ],
        },
      ],
    },
    // A name from the errorNames option.
    {
      code: `
        declare const db: any;
        db.query('select 1', (failure, rows) => {
          console.log(rows);
        });
      `,
      output: null,
      options: [{ errorNames: ['failure'] }],
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare const db: any;
        db.query('select 1', (failure, rows) => {
          if (failure) throw failure;
          console.log(rows);
        });
      `,
            },
          ],
        },
      ],
    },
    // An Error subclass, or undefined, by the callee's type.
    {
      code: `
        class NotFound extends Error {}
        declare function find(id: string, done: (problem: NotFound | undefined, row?: string) => void): void;
        find('42', (problem, row) => {
          console.log(row);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        class NotFound extends Error {}
        declare function find(id: string, done: (problem: NotFound | undefined, row?: string) => void): void;
        find('42', (problem, row) => {
          if (problem) throw problem;
          console.log(row);
        });
      `,
            },
          ],
        },
      ],
    },
    // fs.stat hands over NodeJS.ErrnoException | null.
    {
      code: `
        import { stat } from 'node:fs';
        stat('a.txt', (problem, stats) => {
          console.log(stats.size);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { stat } from 'node:fs';
        stat('a.txt', (problem, stats) => {
          if (problem) throw problem;
          console.log(stats.size);
        });
      `,
            },
          ],
        },
      ],
    },
    // child_process.exec's error, named anything: the type decides.
    {
      code: `
        import { exec } from 'node:child_process';
        exec('git status', (failed, stdout) => {
          console.log(stdout);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { exec } from 'node:child_process';
        exec('git status', (failed, stdout) => {
          if (failed) throw failed;
          console.log(stdout);
        });
      `,
            },
          ],
        },
      ],
    },
    // The inner callback of a pyramid drops its error; the outer function's callback takes it.
    {
      code: `
        import { readFile } from 'node:fs';
        export function concat(a: string, b: string, callback: (error: Error | null, text?: string) => void): void {
          readFile(a, 'utf8', (err, first) => {
            if (err) return callback(err);
            readFile(b, 'utf8', (err2, second) => {
              callback(null, first + second);
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'forwardError',
              output: `
        import { readFile } from 'node:fs';
        export function concat(a: string, b: string, callback: (error: Error | null, text?: string) => void): void {
          readFile(a, 'utf8', (err, first) => {
            if (err) return callback(err);
            readFile(b, 'utf8', (err2, second) => {
              if (err2) return callback(err2);
              callback(null, first + second);
            });
          });
        }
      `,
            },
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        export function concat(a: string, b: string, callback: (error: Error | null, text?: string) => void): void {
          readFile(a, 'utf8', (err, first) => {
            if (err) return callback(err);
            readFile(b, 'utf8', (err2, second) => {
              if (err2) throw err2;
              callback(null, first + second);
            });
          });
        }
      `,
            },
          ],
        },
      ],
    },
    // In an express route, the error goes to next.
    {
      code: `
        import express from 'express';
        import { readFile } from 'node:fs';
        const app = express();
        app.get('/report', (request, response, next) => {
          readFile('report.html', 'utf8', (err, html) => {
            response.send(html);
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 6,
          column: 44,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'forwardError',
              output: `
        import express from 'express';
        import { readFile } from 'node:fs';
        const app = express();
        app.get('/report', (request, response, next) => {
          readFile('report.html', 'utf8', (err, html) => {
            if (err) return next(err);
            response.send(html);
          });
        });
      `,
            },
            {
              messageId: 'throwError',
              output: `
        import express from 'express';
        import { readFile } from 'node:fs';
        const app = express();
        app.get('/report', (request, response, next) => {
          readFile('report.html', 'utf8', (err, html) => {
            if (err) throw err;
            response.send(html);
          });
        });
      `,
            },
          ],
        },
      ],
    },
    // An untyped own callback named callback.
    {
      code: `
        import { readFile } from 'node:fs';
        export function load(file: string, callback: any): void {
          readFile(file, (err, data) => {
            callback(null, data);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'forwardError',
              output: `
        import { readFile } from 'node:fs';
        export function load(file: string, callback: any): void {
          readFile(file, (err, data) => {
            if (err) return callback(err);
            callback(null, data);
          });
        }
      `,
            },
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        export function load(file: string, callback: any): void {
          readFile(file, (err, data) => {
            if (err) throw err;
            callback(null, data);
          });
        }
      `,
            },
          ],
        },
      ],
    },
    // An empty one-line body.
    {
      code: `
        import { unlink } from 'node:fs';
        unlink('/tmp/lock', (err) => {});
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { unlink } from 'node:fs';
        unlink('/tmp/lock', (err) => { if (err) throw err; });
      `,
            },
          ],
        },
      ],
    },
    // A one-line body with a statement.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => { console.log(data.length); });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => { if (err) throw err; console.log(data.length); });
      `,
            },
          ],
        },
      ],
    },
    // server.close hands over an optional Error.
    {
      code: `
        import { createServer } from 'node:http';
        const server = createServer();
        server.close((err) => {
          process.exit(0);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { createServer } from 'node:http';
        const server = createServer();
        server.close((err) => {
          if (err) throw err;
          process.exit(0);
        });
      `,
            },
          ],
        },
      ],
    },
    // crypto.randomBytes with a callback.
    {
      code: `
        import { randomBytes } from 'node:crypto';
        randomBytes(16, (err, buffer) => {
          console.log(buffer.toString('hex'));
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { randomBytes } from 'node:crypto';
        randomBytes(16, (err, buffer) => {
          if (err) throw err;
          console.log(buffer.toString('hex'));
        });
      `,
            },
          ],
        },
      ],
    },
    // An inner function reads its own err, not the callback's.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          const log = (err: Error) => console.error(err);
          log(new Error(String(data.length)));
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          if (err) throw err;
          const log = (err: Error) => console.error(err);
          log(new Error(String(data.length)));
        });
      `,
            },
          ],
        },
      ],
    },
    // A dropped error inside a test is still dropped: the test passes when the read fails.
    {
      code: `
        import { readFile } from 'node:fs';
        import { expect, it } from 'vitest';
        it('reads the fixture', () => {
          readFile('fixture.txt', 'utf8', (err, text) => {
            expect(text).toContain('ok');
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        import { expect, it } from 'vitest';
        it('reads the fixture', () => {
          readFile('fixture.txt', 'utf8', (err, text) => {
            if (err) throw err;
            expect(text).toContain('ok');
          });
        });
      `,
            },
          ],
        },
      ],
    },
    // The own callback is shadowed inside the callback: only the throw is suggested.
    {
      code: `
        import { readFile } from 'node:fs';
        export function load(file: string, done: (error: Error | null) => void): void {
          readFile(file, (err, done) => {
            console.log(done.length);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        export function load(file: string, done: (error: Error | null) => void): void {
          readFile(file, (err, done) => {
            if (err) throw err;
            console.log(done.length);
          });
        }
      `,
            },
          ],
        },
      ],
    },
    // A callback typed (err: unknown) by the callee counts by its name.
    {
      code: `
        declare function connect(url: string, done: (err: unknown) => void): void;
        connect('postgres://localhost', (err) => {
          console.log('connected');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 42,
          endLine: 3,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare function connect(url: string, done: (err: unknown) => void): void;
        connect('postgres://localhost', (err) => {
          if (err) throw err;
          console.log('connected');
        });
      `,
            },
          ],
        },
      ],
    },
    // Optional call and a default on the error parameter.
    {
      code: `
        declare const db: { query?: (sql: string, done: (err: Error | null, rows: string[]) => void) => void };
        db.query?.('select 1', (err = null, rows) => {
          console.log(rows);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare const db: { query?: (sql: string, done: (err: Error | null, rows: string[]) => void) => void };
        db.query?.('select 1', (err = null, rows) => {
          if (err) throw err;
          console.log(rows);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: zlib.gzip's error dropped.
    {
      code: `
        import { gzip } from 'node:zlib';
        gzip(Buffer.from('a'), (err, compressed) => {
          console.log(compressed.length);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { gzip } from 'node:zlib';
        gzip(Buffer.from('a'), (err, compressed) => {
          if (err) throw err;
          console.log(compressed.length);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: crypto.pbkdf2's error dropped.
    {
      code: `
        import { pbkdf2 } from 'node:crypto';
        pbkdf2('secret', 'salt', 1000, 32, 'sha256', (err, key) => {
          console.log(key.length);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { pbkdf2 } from 'node:crypto';
        pbkdf2('secret', 'salt', 1000, 32, 'sha256', (err, key) => {
          if (err) throw err;
          console.log(key.length);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: fs.writeFile with only the error parameter.
    {
      code: `
        import { writeFile } from 'node:fs';
        writeFile('out.txt', 'data', (err) => {
          console.log('saved');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { writeFile } from 'node:fs';
        writeFile('out.txt', 'data', (err) => {
          if (err) throw err;
          console.log('saved');
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: fs.mkdir with options, error named error.
    {
      code: `
        import { mkdir } from 'node:fs';
        mkdir('out', { recursive: true }, (error) => {
          console.log('ready');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { mkdir } from 'node:fs';
        mkdir('out', { recursive: true }, (error) => {
          if (error) throw error;
          console.log('ready');
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: dns.resolve4 with the error named e: the type decides.
    {
      code: `
        import { resolve4 } from 'node:dns';
        resolve4('example.com', (e, addresses) => {
          console.log(addresses);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { resolve4 } from 'node:dns';
        resolve4('example.com', (e, addresses) => {
          if (e) throw e;
          console.log(addresses);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: An untyped module's callback, as a function expression.
    {
      code: `
        declare const legacy: any;
        legacy.fetch('https://example.com', function (err, body) {
          console.log(body);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare const legacy: any;
        legacy.fetch('https://example.com', function (err, body) {
          if (err) throw err;
          console.log(body);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: errorNames with e: the untyped callback counts.
    {
      code: `
        declare const legacy: any;
        legacy.fetch('https://example.com', (e, body) => {
          console.log(body);
        });
      `,
      output: null,
      options: [{ errorNames: ['e'] }],
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare const legacy: any;
        legacy.fetch('https://example.com', (e, body) => {
          if (e) throw e;
          console.log(body);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: A callee declared by the program with an Error | null first parameter.
    {
      code: `
        interface Doc { readonly id: string }
        declare function findAll(query: object, done: (err: Error | null, docs: Doc[]) => void): void;
        findAll({}, (err, docs) => {
          console.log(docs.length);
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        interface Doc { readonly id: string }
        declare function findAll(query: object, done: (err: Error | null, docs: Doc[]) => void): void;
        findAll({}, (err, docs) => {
          if (err) throw err;
          console.log(docs.length);
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: Inside a class method with its own done: forward or throw.
    {
      code: `
        import { readFile } from 'node:fs';
        export class Store {
          load(file: string, done: (error: Error | null, data?: Buffer) => void): void {
            readFile(file, (err, data) => {
              done(null, data);
            });
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'forwardError',
              output: `
        import { readFile } from 'node:fs';
        export class Store {
          load(file: string, done: (error: Error | null, data?: Buffer) => void): void {
            readFile(file, (err, data) => {
              if (err) return done(err);
              done(null, data);
            });
          }
        }
      `,
            },
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        export class Store {
          load(file: string, done: (error: Error | null, data?: Buffer) => void): void {
            readFile(file, (err, data) => {
              if (err) throw err;
              done(null, data);
            });
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // held-out: stream.pipeline with the error dropped.
    {
      code: `
        import { pipeline } from 'node:stream';
        import { createReadStream, createWriteStream } from 'node:fs';
        pipeline(createReadStream('a'), createWriteStream('b'), (err) => {
          console.log('copied');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { pipeline } from 'node:stream';
        import { createReadStream, createWriteStream } from 'node:fs';
        pipeline(createReadStream('a'), createWriteStream('b'), (err) => {
          if (err) throw err;
          console.log('copied');
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out: An inner array callback shadows err: the outer error is still never read.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          [new Error('x')].forEach((err) => console.log(err.message, data.length));
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        import { readFile } from 'node:fs';
        readFile('a.txt', (err, data) => {
          if (err) throw err;
          [new Error('x')].forEach((err) => console.log(err.message, data.length));
        });
      `,
            },
          ],
        },
      ],
    },
    // held-out-a: A type parameter constrained to Error still declares an error slot.
    {
      code: `
        declare function run<E extends Error>(done: (err: E | null, value: number) => void): void;
        run((err, value) => console.log(value));
      `,
      output: null,
      errors: [
        {
          messageId: 'errorDropped',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'throwError',
              output: `
        declare function run<E extends Error>(done: (err: E | null, value: number) => void): void;
        run((err, value) => { if (err) throw err; return console.log(value); });
      `,
            },
          ],
        },
      ],
    },
  ],
});
