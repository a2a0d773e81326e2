import rule from '../../src/rules/prefer-concurrent-awaits.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('prefer-concurrent-awaits', rule, {
  valid: [
    // A write and a read of the same row (the record analysis): the read must see the write.
    `
      import type { Pool } from 'pg';
      export async function closeAndShow(pool: Pool, orderId: number) {
        const closed = await pool.query('UPDATE orders SET closed = true WHERE id = $1', [orderId]);
        const order = await pool.query('SELECT * FROM orders WHERE id = $1', [orderId]);
        return [closed.rowCount, order.rows];
      }
    `,
    // Two writes to one table whose keys the analysis cannot tell apart.
    `
      import type { Pool } from 'pg';
      export async function touchBoth(pool: Pool, a: number, b: number) {
        const first = await pool.query('UPDATE users SET seen = now() WHERE id = $1', [a]);
        const second = await pool.query('UPDATE users SET seen = now() WHERE id = $1', [b]);
        return [first.rowCount, second.rowCount];
      }
    `,
    // Delay: a sleep helper between requests keeps a pace on purpose.
    `
      const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
      export async function crawl(urls: string[]): Promise<void> {
        for (const url of urls) {
          console.log((await fetch(url)).status);
          await sleep(1000);
        }
      }
    `,
    // Delay: setTimeout of node:timers/promises, under its own name.
    `
      import { setTimeout } from 'node:timers/promises';
      export async function sendSlowly(urls: string[]): Promise<void> {
        for (const url of urls) {
          await fetch(url, { method: 'POST' });
          await setTimeout(250);
        }
      }
    `,
    // Delay: the same timer imported under another name.
    `
      import { setTimeout as later } from 'node:timers/promises';
      export async function drip(urls: string[]): Promise<void> {
        for (const url of urls) {
          await later(100);
          await fetch(url);
        }
      }
    `,
    // Delay: an inline timer promise.
    `
      export async function politeFetch(urls: string[]): Promise<void> {
        for (const url of urls) {
          await fetch(url);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    `,
    // Delay: a function named delay from a dependency-like module.
    `
      declare function delay(ms: number): Promise<void>;
      export async function replay(events: string[]): Promise<void> {
        for (const event of events) {
          await fetch('/events', { method: 'POST', body: event });
          await delay(50);
        }
      }
    `,
    // Delay: waitFor before each request.
    `
      declare function waitForSlot(): Promise<void>;
      export async function upload(chunks: string[]): Promise<void> {
        for (const chunk of chunks) {
          await waitForSlot();
          await fetch('/upload', { method: 'PUT', body: chunk });
        }
      }
    `,
    // Delay: exponential backoff between attempts.
    `
      declare function backoff(attempt: number): Promise<void>;
      export async function announce(peers: string[]): Promise<void> {
        for (const peer of peers) {
          await backoff(peers.indexOf(peer));
          await fetch(peer);
        }
      }
    `,
    // Polling: a while loop re-reads the state each pass.
    `
      import { setTimeout as sleep } from 'node:timers/promises';
      export async function waitUntilReady(url: string): Promise<void> {
        while (!(await fetch(url)).ok) {
          await sleep(1000);
        }
      }
    `,
    // Rate limit: p-limit wraps each request.
    `
      declare module 'p-limit' {
        export type LimitFunction = <T>(job: () => Promise<T>) => Promise<T>;
        export default function pLimit(concurrency: number): LimitFunction;
      }
      import pLimit from 'p-limit';
      const limit = pLimit(2);
      export async function fetchLimited(urls: string[]): Promise<void> {
        for (const url of urls) {
          await limit(() => fetch(url));
        }
      }
    `,
    // Rate limit: a p-queue instance, named anything, known by its type.
    `
      declare module 'p-queue' {
        export default class PQueue { add<T>(job: () => Promise<T>): Promise<T>; }
      }
      import PQueue from 'p-queue';
      const jobs = new PQueue();
      export async function enqueueAll(urls: string[]): Promise<void> {
        for (const url of urls) {
          await jobs.add(() => fetch(url));
        }
      }
    `,
    // Rate limit: bottleneck by name.
    `
      declare const limiter: { schedule<T>(job: () => Promise<T>): Promise<T> };
      export async function sync(ids: string[]): Promise<void> {
        for (const id of ids) {
          await limiter.schedule(() => fetch(\`/items/\${id}\`));
        }
      }
    `,
    // Rate limit: bottleneck by type under an unrelated name.
    `
      declare module 'bottleneck' {
        export default class Bottleneck { schedule<T>(job: () => Promise<T>): Promise<T>; }
      }
      import Bottleneck from 'bottleneck';
      export async function sync(gate: Bottleneck, ids: string[]): Promise<void> {
        for (const id of ids) {
          await gate.schedule(() => fetch(\`/items/\${id}\`));
        }
      }
    `,
    // Rate limit: async-mutex runExclusive.
    `
      declare module 'async-mutex' {
        export class Mutex { runExclusive<T>(job: () => Promise<T>): Promise<T>; }
      }
      import { Mutex } from 'async-mutex';
      const guard = new Mutex();
      export async function writeInTurn(paths: string[]): Promise<void> {
        for (const path of paths) {
          await guard.runExclusive(() => fetch(path));
        }
      }
    `,
    // Rate limit: a token bucket taken before each request.
    `
      declare const rateLimiter: { removeTokens(count: number): Promise<number> };
      export async function fetchPolitely(urls: string[]): Promise<void> {
        for (const url of urls) {
          await rateLimiter.removeTokens(1);
          console.log((await fetch(url)).status);
        }
      }
    `,
    // Rate limit: a throttle function.
    `
      declare function throttle(): Promise<void>;
      export async function notify(users: string[]): Promise<void> {
        for (const user of users) {
          await throttle();
          await fetch(\`/notify/\${user}\`);
        }
      }
    `,
    // Rate limit: a semaphore acquired around each request.
    `
      declare const semaphore: { acquire(): Promise<() => void> };
      export async function download(urls: string[]): Promise<void> {
        for (const url of urls) {
          const release = await semaphore.acquire();
          try {
            await fetch(url);
          } finally {
            release();
          }
        }
      }
    `,
    // Rate limit: a job queue the loop feeds one job at a time.
    `
      declare const queue: { push(job: string): Promise<void> };
      export async function enqueue(jobs: string[]): Promise<void> {
        for (const job of jobs) {
          await queue.push(job);
        }
      }
    `,
    // Retry: returns on the first success.
    `
      export async function fetchWithRetry(url: string): Promise<Response> {
        for (let attempt = 1; attempt <= 3; attempt++) {
          try {
            return await fetch(url);
          } catch (error) {
            console.warn('attempt failed', attempt, error);
          }
        }
        throw new Error(\`gave up on \${url}\`);
      }
    `,
    // Retry: breaks on success, over a list of delays.
    `
      import { setTimeout as sleep } from 'node:timers/promises';
      export async function sendReport(body: string): Promise<void> {
        for (const pause of [100, 200, 400]) {
          try {
            await fetch('/reports', { method: 'POST', body });
            break;
          } catch {
            await sleep(pause);
          }
        }
      }
    `,
    // Retry: a counted loop that swallows errors, known by its counter name.
    `
      export async function warm(url: string, retries: number[]): Promise<void> {
        for (let attempt = 0; attempt < retries.length; attempt++) {
          try {
            await fetch(url);
          } catch (error) {
            console.warn(error);
          }
        }
      }
    `,
    // Pagination: a cursor fed back into the next request.
    `
      interface Page { items: string[]; next?: string }
      declare function listUsers(cursor?: string): Promise<Page>;
      export async function allUsers(): Promise<string[]> {
        const users: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listUsers(cursor);
          users.push(...page.items);
          cursor = page.next;
        } while (cursor !== undefined);
        return users;
      }
    `,
    // Pagination: an offset stepped by the page size.
    `
      import type { Redis } from 'ioredis';
      export async function scanKeys(redis: Redis, total: number): Promise<string[]> {
        const keys: string[] = [];
        for (let offset = 0; offset < total; offset += 100) {
          keys.push(...(await redis.lrange('keys', offset, offset + 99)));
        }
        return keys;
      }
    `,
    // Pagination: a continuation token carried across a for…of.
    `
      declare function listObjects(bucket: string, token?: string): Promise<{ keys: string[]; token?: string }>;
      export async function listAll(buckets: string[]): Promise<void> {
        let token: string | undefined;
        for (const bucket of buckets) {
          const page = await listObjects(bucket, token);
          token = page.token;
        }
      }
    `,
    // Reduce chain: each step awaits the previous one.
    `
      export async function chain(urls: string[]): Promise<void> {
        await urls.reduce(async (previous, url) => {
          const done = await previous;
          const response = await fetch(url);
          console.log(done, response.status);
        }, Promise.resolve());
      }
    `,
    // Reduce chain: a promise chained with then in a loop awaits nothing in the body.
    `
      export async function inOrder(urls: string[]): Promise<void> {
        let chain = Promise.resolve();
        for (const url of urls) {
          chain = chain.then(async () => { await fetch(url); });
        }
        await chain;
      }
    `,
    // Async iterable: for await over a stream reads it in order.
    `
      import { createReadStream } from 'node:fs';
      export async function countBytes(path: string): Promise<number> {
        let bytes = 0;
        for await (const chunk of createReadStream(path)) {
          bytes += (chunk as Buffer).length;
          await fetch('/progress');
        }
        return bytes;
      }
    `,
    // Generator: the items come from a generator, not an array.
    `
      function* batches(ids: string[]) {
        for (let start = 0; start < ids.length; start += 10) yield ids.slice(start, start + 10);
      }
      export async function sendBatches(ids: string[]): Promise<void> {
        for (const batch of batches(ids)) {
          await fetch('/batch', { method: 'POST', body: JSON.stringify(batch) });
        }
      }
    `,
    // A Map is no array: it has no map of its own.
    `
      export async function probe(endpoints: Map<string, string>): Promise<void> {
        for (const [name, url] of endpoints) {
          console.log(name, (await fetch(url)).status);
        }
      }
    `,
    // A Set likewise.
    `
      export async function probe(urls: Set<string>): Promise<void> {
        for (const url of urls) {
          console.log((await fetch(url)).status);
        }
      }
    `,
    // An async generator yields its results in order on purpose.
    `
      export async function* statuses(urls: string[]): AsyncGenerator<number> {
        for (const url of urls) {
          yield (await fetch(url)).status;
        }
      }
    `,
    // Batches: Promise.all per chunk is bounded concurrency already.
    `
      export async function sendInChunks(chunks: string[][]): Promise<void> {
        for (const chunk of chunks) {
          await Promise.all(chunk.map((url) => fetch(url)));
        }
      }
    `,
    // Ordered writes: lines written to one file handle in order.
    `
      import { open } from 'node:fs/promises';
      export async function writeLines(path: string, lines: string[]): Promise<void> {
        const file = await open(path, 'w');
        for (const line of lines) {
          await file.write(\`\${line}\\n\`);
        }
        await file.close();
      }
    `,
    // Ordered writes: appending to one log file.
    `
      import { appendFile } from 'node:fs/promises';
      export async function log(path: string, entries: string[]): Promise<void> {
        for (const entry of entries) {
          await appendFile(path, \`\${entry}\\n\`);
        }
      }
    `,
    // Ordered writes: frames sent down one socket.
    `
      declare const socket: { send(frame: string): Promise<void> };
      export async function stream(frames: string[]): Promise<void> {
        for (const frame of frames) {
          await socket.send(frame);
        }
      }
    `,
    // Records: an update per row may touch a row another pass reads (until the record analysis lands, any write).
    `
      declare const db: { user: { update(args: { where: { id: string }; data: { active: boolean } }): Promise<unknown> } };
      export async function deactivate(ids: string[]): Promise<void> {
        for (const id of ids) {
          await db.user.update({ where: { id }, data: { active: false } });
        }
      }
    `,
    // Records: a SQL statement per item.
    `
      import type { Pool } from 'pg';
      export async function archive(pool: Pool, ids: number[]): Promise<void> {
        for (const id of ids) {
          await pool.query('UPDATE orders SET archived = true WHERE id = $1', [id]);
        }
      }
    `,
    // Records: a key written per item.
    `
      import type { Redis } from 'ioredis';
      export async function prime(redis: Redis, keys: string[]): Promise<void> {
        for (const key of keys) {
          await redis.set(key, 'warm');
        }
      }
    `,
    // Accumulator: a running total carried across passes.
    `
      import { stat } from 'node:fs/promises';
      export async function totalSize(paths: string[]): Promise<number> {
        let total = 0;
        for (const path of paths) {
          total += (await stat(path)).size;
        }
        return total;
      }
    `,
    // Early exit: the first healthy mirror ends the loop.
    `
      export async function firstHealthy(mirrors: string[]): Promise<string | undefined> {
        for (const mirror of mirrors) {
          const response = await fetch(\`\${mirror}/health\`);
          if (response.ok) return mirror;
        }
        return undefined;
      }
    `,
    // Early exit: break once a file is found.
    `
      import { access } from 'node:fs/promises';
      export async function findConfig(candidates: string[]): Promise<string | undefined> {
        let found: string | undefined;
        for (const candidate of candidates) {
          try {
            await access(candidate);
            found = candidate;
            break;
          } catch {
            // try the next one
          }
        }
        return found;
      }
    `,
    // A continue decided by an awaited result.
    `
      export async function printHealthy(hosts: string[]): Promise<void> {
        for (const host of hosts) {
          const response = await fetch(host);
          if (!response.ok) continue;
          console.log(host);
        }
      }
    `,
    // A throw decided by an awaited result stops the passes after it.
    `
      export async function verifyAll(urls: string[]): Promise<void> {
        for (const url of urls) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(\`\${url}: \${response.status}\`);
        }
      }
    `,
    // Results pushed only for some passes would come out in completion order.
    `
      export async function reachable(urls: string[]): Promise<string[]> {
        const ok: string[] = [];
        for (const url of urls) {
          if ((await fetch(url)).ok) ok.push(url);
        }
        return ok;
      }
    `,
    // A cache filled by the loop: a later pass may read what an earlier one set.
    `
      export async function fill(cache: Map<string, Response>, urls: string[]): Promise<void> {
        for (const url of urls) {
          if (!cache.has(url)) cache.set(url, await fetch(url));
        }
      }
    `,
    // A counter on this is shared state.
    `
      export class Crawler {
        private fetched = 0;
        async crawl(urls: string[]): Promise<void> {
          for (const url of urls) {
            await fetch(url);
            this.fetched++;
          }
        }
      }
    `,
    // Nested loops: only the inner loop awaits, so the outer one is no walk to map.
    `
      export async function grid(rows: string[][]): Promise<void> {
        for (const row of rows) {
          let previous = '';
          for (const cell of row) {
            previous = (await fetch(\`\${previous}/\${cell}\`)).url;
          }
        }
      }
    `,
    // Awaits of values of unknown origin: no certainty of real I/O.
    `
      export async function runAll(jobs: (() => Promise<void>)[], anything: any[]): Promise<void> {
        for (const job of jobs) {
          await job();
        }
        for (const item of anything) {
          await item.save();
        }
      }
    `,
    // An async wrapper around synchronous work is no-trivial-await's, not I/O.
    `
      async function format(value: number): Promise<string> {
        return value.toFixed(2);
      }
      export async function formatAll(values: number[]): Promise<void> {
        for (const value of values) {
          console.log(await format(value));
        }
        const first = await format(1);
        const second = await format(2);
        console.log(first, second);
      }
    `,
    // A while loop over a shrinking queue: its condition is state the body changes.
    `
      export async function drain(urls: string[]): Promise<void> {
        while (urls.length > 0) {
          const url = urls.pop();
          if (url !== undefined) await fetch(url);
        }
      }
    `,
    // A counting loop whose bound is no array length.
    `
      export async function probePorts(host: string): Promise<void> {
        for (let port = 8000; port < 8010; port++) {
          console.log(port, (await fetch(\`http://\${host}:\${port}\`)).ok);
        }
      }
    `,
    // A labelled loop.
    `
      export async function labelled(urls: string[]): Promise<void> {
        outer: for (const url of urls) {
          await fetch(url);
        }
      }
    `,
    // Consecutive: the second request uses the first result.
    `
      export async function userOrders(id: string) {
        const user = await fetch(\`/users/\${id}\`);
        const orders = await fetch(\`/orders?user=\${user.url}\`);
        return orders;
      }
    `,
    // Consecutive: the second uses the first through a local function.
    `
      export async function userOrders(id: string) {
        const ordersOf = () => fetch(\`/orders?user=\${user.url}\`);
        const user = await fetch(\`/users/\${id}\`);
        const orders = await ordersOf();
        return orders;
      }
    `,
    // Consecutive: connecting first is a step the next call needs.
    `
      import type { Pool } from 'pg';
      export async function countUsers(pool: Pool) {
        const client = await pool.connect();
        const settings = await fetch('/settings');
        client.release();
        return settings;
      }
    `,
    // Consecutive: a mutex acquired before the read guards it.
    `
      import { readFile } from 'node:fs/promises';
      declare const mutex: { acquire(): Promise<() => void> };
      export async function readGuarded(path: string) {
        const release = await mutex.acquire();
        const text = await readFile(path, 'utf8');
        release();
        return text;
      }
    `,
    // Consecutive: a delay first, on purpose.
    `
      import { setTimeout as sleep } from 'node:timers/promises';
      export async function later(url: string) {
        const waited = await sleep(100, 'done');
        const response = await fetch(url);
        return [waited, response];
      }
    `,
    // Consecutive: a write beside a read may touch the same record.
    `
      declare const db: { user: { create(args: { data: { name: string } }): Promise<{ id: string }>; count(): Promise<number> } };
      export async function register(name: string) {
        const user = await db.user.create({ data: { name } });
        const total = await db.user.count();
        return { user, total };
      }
    `,
    // Consecutive: promises already started are awaited one after the other, which costs nothing.
    `
      export async function both(first: Promise<Response>, second: Promise<Response>) {
        const a = await first;
        const b = await second;
        return [a, b];
      }
    `,
    // Consecutive: a comment between them would be lost.
    `
      export async function documented(id: string) {
        const profile = await fetch(\`/profiles/\${id}\`);
        // the orders endpoint is slow; keep it second so the profile shows first
        const orders = await fetch(\`/orders/\${id}\`);
        return [profile, orders];
      }
    `,
    // Consecutive: const and let do not share one declaration.
    `
      export async function mixed(id: string) {
        const profile = await fetch(\`/profiles/\${id}\`);
        let orders = await fetch(\`/orders/\${id}\`);
        orders = await fetch(\`/orders/\${id}?retry=1\`);
        return [profile, orders];
      }
    `,
    // Consecutive: an annotation on one only would not make a tuple type.
    `
      export async function annotated(id: string) {
        const profile: Response = await fetch(\`/profiles/\${id}\`);
        const orders = await fetch(\`/orders/\${id}\`);
        return [profile, orders];
      }
    `,
    // Consecutive: an await inside the second operand is a sequence of its own.
    `
      export async function nested(id: string) {
        const profile = await fetch(\`/profiles/\${id}\`);
        const orders = await fetch(await Promise.resolve(\`/orders/\${id}\`));
        return [profile, orders];
      }
    `,
    // Consecutive: a transaction begun first.
    `
      declare const db: { begin(): Promise<{ id: string }> };
      export async function inTransaction(id: string) {
        const tx = await db.begin();
        const row = await fetch(\`/rows/\${id}\`);
        return [tx, row];
      }
    `,
    // Consecutive: statements between them are not consecutive awaits.
    `
      export async function spaced(id: string) {
        const profile = await fetch(\`/profiles/\${id}\`);
        console.log('profile loaded');
        const orders = await fetch(\`/orders/\${id}\`);
        return [profile, orders];
      }
    `,
    // Consecutive: a program interface with no body to read is no certain I/O.
    `
      interface Repository { find(id: string): Promise<string> }
      export async function pair(repo: Repository) {
        const a = await repo.find('a');
        const b = await repo.find('b');
        return [a, b];
      }
    `,
    // Test blocks run their steps in order on purpose: deterministic assertions, fixtures no two steps share at once.
    `
      import { expect, it } from 'vitest';
      import { readFile } from 'node:fs/promises';
      it('keeps the fixtures apart', async () => {
        const before = await readFile('fixtures/before.txt', 'utf8');
        const after = await readFile('fixtures/after.txt', 'utf8');
        expect(after).not.toBe(before);
        for (const name of ['a.txt', 'b.txt']) {
          expect(await readFile(name, 'utf8')).toBe('');
        }
      });
    `,
    // Ordered reads: a stream reader hands out the next chunk on each call.
    `
      export async function firstTwo(stream: ReadableStream<Uint8Array>) {
        const reader = stream.getReader();
        const head = await reader.read();
        const next = await reader.read();
        return [head, next];
      }
    `,
    // Ordered reads: prompts are asked in order.
    `
      import { createInterface } from 'node:readline/promises';
      export async function askAll(questions: string[]): Promise<string[]> {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const answers: string[] = [];
        for (const question of questions) {
          answers.push(await rl.question(question));
        }
        rl.close();
        return answers;
      }
    `,
    // Commands: build steps run in order, each may need the files of the one before.
    `
      import { execFile } from 'node:child_process';
      import { promisify } from 'node:util';
      const execFileAsync = promisify(execFile);
      export async function build(steps: [string, string[]][]): Promise<void> {
        for (const [command, args] of steps) {
          console.log((await execFileAsync(command, args)).stdout);
        }
      }
    `,
    // HTTP writes: events posted in the order they happened.
    `
      export async function replay(events: object[]): Promise<void> {
        for (const event of events) {
          await fetch('/events', { method: 'POST', body: JSON.stringify(event) });
        }
      }
    `,
    // The same request twice is a second reading on purpose.
    `
      export async function isStable(url: string): Promise<boolean> {
        const before = await fetch(url);
        const after = await fetch(url);
        return before.status === after.status;
      }
    `,
    // File-system writes: removing paths that may nest.
    `
      import { rm } from 'node:fs/promises';
      export async function clean(paths: string[]): Promise<void> {
        for (const path of paths) {
          await rm(path, { recursive: true, force: true });
        }
      }
    `,
    // UI steps: one browser page visits one URL at a time.
    `
      class Page {
        async goto(url: string): Promise<void> {
          await fetch(url);
        }
      }
      export async function visitAll(page: Page, urls: string[]): Promise<void> {
        for (const url of urls) {
          await page.goto(url);
        }
      }
    `,
    // Records: a program function whose body writes is a write, whatever its name says.
    `
      declare const db: { user: { findUnique(id: string): Promise<{ id: string }>; update(args: { id: string }): Promise<void> } };
      async function syncUser(id: string): Promise<void> {
        const user = await db.user.findUnique(id);
        await db.user.update({ id: user.id });
      }
      export async function syncAll(ids: string[]): Promise<void> {
        for (const id of ids) {
          await syncUser(id);
        }
      }
    `,
    // Held out: retry with exponential backoff via Math.pow and sleep.
    `
      const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
      export async function robust(url: string) {
        for (let i = 0; i < 5; i++) {
          try {
            const res = await fetch(url);
            if (res.ok) return res;
          } catch {}
          await wait(2 ** i * 100);
        }
        throw new Error('failed');
      }
    `,
    // Held out: poll status in a for(;;).
    `
      export async function untilDone(id: string) {
        for (;;) {
          const res = await fetch(\`/status/\${id}\`);
          const body = (await res.json()) as { done: boolean };
          if (body.done) break;
        }
      }
    `,
    // Held out: github-style link pagination with next url.
    `
      export async function allIssues(start: string) {
        const issues: unknown[] = [];
        let url: string | null = start;
        while (url) {
          const res: Response = await fetch(url);
          issues.push(...((await res.json()) as unknown[]));
          url = res.headers.get('next');
        }
        return issues;
      }
    `,
    // Held out: offset pagination with for and page size.
    `
      declare function fetchRows(offset: number, limit: number): Promise<string[]>;
      export async function all(total: number) {
        const rows: string[] = [];
        for (let offset = 0; offset < total; offset += 50) rows.push(...(await fetchRows(offset, 50)));
        return rows;
      }
    `,
    // Held out: write lines to a writable stream with drain.
    `
      import { createWriteStream } from 'node:fs';
      import { once } from 'node:events';
      export async function dump(lines: string[]) {
        const out = createWriteStream('out.txt');
        for (const line of lines) {
          if (!out.write(line + '\\n')) await once(out, 'drain');
        }
        out.end();
      }
    `,
    // Held out: mkdir then writeFile in a row (write).
    `
      import { mkdir, writeFile } from 'node:fs/promises';
      export async function save(dir: string, data: string) {
        const made = await mkdir(dir, { recursive: true });
        const written = await writeFile(\`\${dir}/data.txt\`, data);
        return [made, written];
      }
    `,
    // Held out: delete many files one by one (writes).
    `
      import { rm } from 'node:fs/promises';
      export async function clean(paths: string[]) {
        for (const p of paths) await rm(p, { force: true });
      }
    `,
    // Held out: insert rows with knex one by one (writes).
    `
      declare const knex: (table: string) => { insert(row: object): Promise<number[]> };
      export async function seed(rows: object[]) {
        for (const row of rows) await knex('users').insert(row);
      }
    `,
    // Held out: first available port.
    `
      declare function isFree(port: number): Promise<boolean>;
      export async function freePort(ports: number[]) {
        for (const port of ports) {
          if (await isFree(port)) return port;
        }
        return undefined;
      }
    `,
    // Held out: readline over a file with for await.
    `
      import { createReadStream } from 'node:fs';
      import { createInterface } from 'node:readline';
      export async function lines(path: string) {
        for await (const line of createInterface({ input: createReadStream(path) })) {
          await fetch('/line', { method: 'POST', body: line });
        }
      }
    `,
    // Held out: getting a token, then calling with it.
    `
      export async function call() {
        const auth = await fetch('/token');
        const token = await auth.text();
        return token;
      }
    `,
    // Held out: second uses first through an object built between? not consecutive.
    `
      export async function chain(id: string) {
        const user = await fetch(\`/u/\${id}\`);
        const query = { id: user.url };
        const orders = await fetch(\`/o/\${query.id}\`);
        return orders;
      }
    `,
    // Held out: a p-limit created limit used inside loop.
    `
      declare function pLimit(n: number): <T>(fn: () => Promise<T>) => Promise<T>;
      export async function limited(urls: string[]) {
        const limit = pLimit(3);
        for (const url of urls) await limit(() => fetch(url));
      }
    `,
    // Held out: mutex lock per item.
    `
      declare const lock: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };
      export async function each(urls: string[]) {
        for (const url of urls) await lock.runExclusive(() => fetch(url));
      }
    `,
    // Held out: set of visited urls in a crawl.
    `
      export async function crawl(seeds: string[]) {
        const seen = new Set<string>();
        for (const url of seeds) {
          if (seen.has(url)) continue;
          seen.add(url);
          await fetch(url);
        }
      }
    `,
    // Held out: results keyed in an object (shared mutation).
    `
      export async function byUrl(urls: string[]) {
        const statuses: Record<string, number> = {};
        for (const url of urls) statuses[url] = (await fetch(url)).status;
        return statuses;
      }
    `,
    // Held out: awaiting callbacks passed in.
    `
      export async function runHooks(hooks: Array<() => Promise<void>>) {
        for (const hook of hooks) await hook();
      }
    `,
    // Held out: consecutive awaits of an unknown service interface.
    `
      interface Api { user(id: string): Promise<unknown>; orders(id: string): Promise<unknown> }
      export async function both(api: Api, id: string) {
        const u = await api.user(id);
        const o = await api.orders(id);
        return [u, o];
      }
    `,
    // Held out: transaction steps in order.
    `
      import type { PoolClient } from 'pg';
      export async function transfer(client: PoolClient) {
        const begun = await client.query('BEGIN');
        const moved = await client.query('UPDATE accounts SET balance = balance - 1 WHERE id = 1');
        return [begun, moved];
      }
    `,
    // Held out: async reduce over items.
    `
      export async function sequence(urls: string[]) {
        return urls.reduce<Promise<number[]>>(async (accP, url) => {
          const acc = await accP;
          const res = await fetch(url);
          return [...acc, res.status];
        }, Promise.resolve([]));
      }
    `,
    // Held out: ordered socket sends.
    `
      import type { Socket } from 'node:net';
      declare function sendAsync(socket: Socket, data: string): Promise<void>;
      export async function sendAll(socket: Socket, messages: string[]) {
        for (const m of messages) await sendAsync(socket, m);
      }
    `,
    // Held out: cursor pagination with mongodb-like next token in for of pages.
    `
      declare function listPage(token?: string): Promise<{ token?: string; items: string[] }>;
      export async function all(pages: number[]) {
        let token: string | undefined;
        const items: string[] = [];
        for (const _ of pages) {
          const page = await listPage(token);
          items.push(...page.items);
          token = page.token;
        }
        return items;
      }
    `,
    // Held out: consecutive with a sleep between awaits.
    `
      import { setTimeout as sleep } from 'node:timers/promises';
      export async function twice(url: string) {
        const first = await fetch(url);
        const pause = await sleep(50);
        const second = await fetch(url);
        return [first, pause, second];
      }
    `,
    // Held out: web stream reader read twice.
    `
      export async function firstTwo(stream: ReadableStream<Uint8Array>) {
        const reader = stream.getReader();
        const a = await reader.read();
        const b = await reader.read();
        return [a, b];
      }
    `,
    // Held out: iterator next twice.
    `
      export async function two(it: AsyncIterableIterator<string>) {
        const first = await it.next();
        const second = await it.next();
        return [first, second];
      }
    `,
    // Held out: readline prompts in order.
    `
      import { createInterface } from 'node:readline/promises';
      export async function ask() {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        const name = await rl.question('Name? ');
        const age = await rl.question('Age? ');
        rl.close();
        return { name, age };
      }
    `,
    // Held out: build steps with exec in a loop.
    `
      import { exec } from 'node:child_process';
      import { promisify } from 'node:util';
      const run = promisify(exec);
      export async function build(steps: string[]) {
        for (const step of steps) console.log((await run(step)).stdout);
      }
    `,
    // Held out: posting events in order.
    `
      export async function replay(events: object[]) {
        for (const event of events) {
          await fetch('/events', { method: 'POST', body: JSON.stringify(event) });
        }
      }
    `,
    // Held out: same url fetched twice (a before/after reading).
    `
      export async function compareTwice(url: string) {
        const before = await fetch(url);
        const after = await fetch(url);
        return before.status === after.status;
      }
    `,
    // Held out: execFile consecutive (child processes).
    `
      import { execFile } from 'node:child_process';
      import { promisify } from 'node:util';
      const execFileAsync = promisify(execFile);
      export async function versions() {
        const node = await execFileAsync('node', ['--version']);
        const npm = await execFileAsync('npm', ['--version']);
        return [node.stdout, npm.stdout];
      }
    `,
    // Held out: dns lookups inside a for with index used outside via let.
    `
      import { lookup } from 'node:dns/promises';
      export async function resolveAll(hosts: string[]) {
        let last = '';
        for (const host of hosts) {
          last = (await lookup(host)).address;
        }
        return last;
      }
    `,
    // Held out: loop with await in the for-of head only.
    `
      import { readdir } from 'node:fs/promises';
      export async function names(dir: string) {
        for (const name of await readdir(dir)) console.log(name);
      }
    `,
    // Held out: loop awaiting a program async function without io (wrapper).
    `
      async function toUpper(s: string) { return s.toUpperCase(); }
      export async function shout(words: string[]) {
        for (const w of words) console.log(await toUpper(w));
      }
    `,
    // Held out: consecutive awaits where first sets up a cookie jar through a method named login.
    `
      declare const session: { login(user: string): Promise<void>; get(url: string): Promise<string> };
      export async function start() {
        const loggedIn = await session.login('me');
        const home = await session.get('/home');
        return [loggedIn, home];
      }
    `,
    // Held out: queue pop in a loop.
    `
      declare const jobs: { pop(): Promise<string | undefined> };
      export async function work(slots: number[]) {
        for (const slot of slots) console.log(slot, await jobs.pop());
      }
    `,
    // Held out: abort when signal aborted inside loop (break on state).
    `
      export async function fetchUntilAborted(urls: string[], signal: AbortSignal) {
        for (const url of urls) {
          if (signal.aborted) break;
          await fetch(url, { signal });
        }
      }
    `,
    // Held out: pg reads through program helpers — left alone, since the record stand-in takes any query for a possible write.
    `
      import type { Pool } from 'pg';
      async function findUser(pool: Pool, id: number) {
        const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
        return rows[0];
      }
      async function findTeam(pool: Pool, id: number) {
        const { rows } = await pool.query('SELECT * FROM teams WHERE id = $1', [id]);
        return rows[0];
      }
      export async function page(pool: Pool, userId: number, teamId: number) {
        const user = await findUser(pool, userId);
        const team = await findTeam(pool, teamId);
        return { user, team };
      }
    `,
    // Held out: a helper method named raw — left alone, since the record stand-in takes a raw call (Knex's) for a possible write.
    `
      import { readFile } from 'node:fs/promises';
      class Loader {
        private async raw(path: string) { return readFile(path, 'utf8'); }
        async json(path: string) { return JSON.parse(await this.raw(path)) as unknown; }
      }
      export async function loadAll(loader: Loader, paths: string[]) {
        const docs = [];
        for (const path of paths) docs.push(await loader.json(path));
        return docs;
      }
    `,
  ],
  invalid: [
    // Reading files one by one into a typed array: the suggestion keeps the annotation and the order.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function readTemplates(paths: string[]): Promise<string[]> {
          const templates: string[] = [];
          for (const path of paths) {
            const text = await readFile(path, 'utf8');
            templates.push(text.trim());
          }
          return templates;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function readTemplates(paths: string[]): Promise<string[]> {
          const templates: string[] = await Promise.all(paths.map(async (path) => {
            const text = await readFile(path, 'utf8');
            return text.trim();
          }));
          return templates;
        }
      `,
            },
          ],
        },
      ],
    },
    // Fetching URLs one by one into an untyped array.
    {
      code: `
        export async function fetchAll(urls: string[]) {
          const responses = [];
          for (const url of urls) {
            responses.push(await fetch(url));
          }
          return responses;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function fetchAll(urls: string[]) {
          const responses = await Promise.all(urls.map(async (url) => {
            return await fetch(url);
          }));
          return responses;
        }
      `,
            },
          ],
        },
      ],
    },
    // Fetching and logging: nothing collected, the loop becomes one Promise.all.
    {
      code: `
        export async function checkLinks(urls: readonly string[]): Promise<void> {
          for (const url of urls) {
            const response = await fetch(url, { method: 'HEAD' });
            console.log(url, response.status);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function checkLinks(urls: readonly string[]): Promise<void> {
          await Promise.all(urls.map(async (url) => {
            const response = await fetch(url, { method: 'HEAD' });
            console.log(url, response.status);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // A continue decided before any await ends one pass: it becomes return.
    {
      code: `
        import { stat } from 'node:fs/promises';
        export async function reportSizes(paths: string[]): Promise<void> {
          for (const path of paths) {
            if (path.endsWith('.tmp')) continue;
            const info = await stat(path);
            console.log(path, info.size);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { stat } from 'node:fs/promises';
        export async function reportSizes(paths: string[]): Promise<void> {
          await Promise.all(paths.map(async (path) => {
            if (path.endsWith('.tmp')) return;
            const info = await stat(path);
            console.log(path, info.size);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // A counting loop over an array maps with the index.
    {
      code: `
        export async function pingAll(hosts: string[]): Promise<void> {
          for (let i = 0; i < hosts.length; i++) {
            const response = await fetch(\`https://\${hosts[i]}/health\`);
            console.log(i, response.ok);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function pingAll(hosts: string[]): Promise<void> {
          await Promise.all(hosts.map(async (_, i) => {
            const response = await fetch(\`https://\${hosts[i]}/health\`);
            console.log(i, response.ok);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // A counting loop with ++i that collects its results.
    {
      code: `
        export async function loadPages(pageUrls: string[]): Promise<string[]> {
          const bodies: string[] = [];
          for (let index = 0; index < pageUrls.length; ++index) {
            const response = await fetch(pageUrls[index] ?? '/');
            bodies.push(await response.text());
          }
          return bodies;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function loadPages(pageUrls: string[]): Promise<string[]> {
          const bodies: string[] = await Promise.all(pageUrls.map(async (_, index) => {
            const response = await fetch(pageUrls[index] ?? '/');
            return await response.text();
          }));
          return bodies;
        }
      `,
            },
          ],
        },
      ],
    },
    // Entries of a config object, destructured in the loop head.
    {
      code: `
        export async function probeServices(services: Record<string, string>): Promise<void> {
          for (const [name, url] of Object.entries(services)) {
            const response = await fetch(url);
            console.log(\`\${name}: \${response.status}\`);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function probeServices(services: Record<string, string>): Promise<void> {
          await Promise.all(Object.entries(services).map(async ([name, url]) => {
            const response = await fetch(url);
            console.log(\`\${name}: \${response.status}\`);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // An awaited array in the loop head is parenthesised before .map.
    {
      code: `
        import { readdir, readFile } from 'node:fs/promises';
        export async function readAllIn(dir: string): Promise<void> {
          for (const name of await readdir(dir)) {
            const text = await readFile(\`\${dir}/\${name}\`, 'utf8');
            console.log(name, text.length);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readdir, readFile } from 'node:fs/promises';
        export async function readAllIn(dir: string): Promise<void> {
          await Promise.all((await readdir(dir)).map(async (name) => {
            const text = await readFile(\`\${dir}/\${name}\`, 'utf8');
            console.log(name, text.length);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // ioredis gets, one key at a time.
    {
      code: `
        import type { Redis } from 'ioredis';
        export async function loadSessions(redis: Redis, ids: string[]) {
          const sessions = [];
          for (const id of ids) {
            sessions.push(await redis.get(\`session:\${id}\`));
          }
          return sessions;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import type { Redis } from 'ioredis';
        export async function loadSessions(redis: Redis, ids: string[]) {
          const sessions = await Promise.all(ids.map(async (id) => {
            return await redis.get(\`session:\${id}\`);
          }));
          return sessions;
        }
      `,
            },
          ],
        },
      ],
    },
    // A program function that awaits fetch is real I/O too; let is kept.
    {
      code: `
        interface User { id: string; name: string }
        async function loadUser(id: string): Promise<User> {
          const response = await fetch(\`/api/users/\${id}\`);
          return (await response.json()) as User;
        }
        export async function loadUsers(ids: string[]): Promise<User[]> {
          let users: User[] = [];
          for (const id of ids) {
            users.push(await loadUser(id));
          }
          return users;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 10,
          column: 24,
          endLine: 10,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        interface User { id: string; name: string }
        async function loadUser(id: string): Promise<User> {
          const response = await fetch(\`/api/users/\${id}\`);
          return (await response.json()) as User;
        }
        export async function loadUsers(ids: string[]): Promise<User[]> {
          let users: User[] = await Promise.all(ids.map(async (id) => {
            return await loadUser(id);
          }));
          return users;
        }
      `,
            },
          ],
        },
      ],
    },
    // Writing a property of the item each pass works on is that pass's own business.
    {
      code: `
        import { stat } from 'node:fs/promises';
        interface Entry { path: string; size?: number }
        export async function fillSizes(entries: Entry[]): Promise<Entry[]> {
          for (const entry of entries) {
            entry.size = (await stat(entry.path)).size;
          }
          return entries;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { stat } from 'node:fs/promises';
        interface Entry { path: string; size?: number }
        export async function fillSizes(entries: Entry[]): Promise<Entry[]> {
          await Promise.all(entries.map(async (entry) => {
            entry.size = (await stat(entry.path)).size;
          }));
          return entries;
        }
      `,
            },
          ],
        },
      ],
    },
    // A throw decided by the item, before any await, is no dependence between passes.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function printConfigs(paths: string[]): Promise<void> {
          for (const path of paths) {
            if (!path.endsWith('.json')) throw new Error(\`not a JSON file: \${path}\`);
            console.log(JSON.parse(await readFile(path, 'utf8')));
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function printConfigs(paths: string[]): Promise<void> {
          await Promise.all(paths.map(async (path) => {
            if (!path.endsWith('.json')) throw new Error(\`not a JSON file: \${path}\`);
            console.log(JSON.parse(await readFile(path, 'utf8')));
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Top-level await in a module.
    {
      code: `
        export {};
        const mirrors = ['https://a.example', 'https://b.example'];
        for (const mirror of mirrors) {
          const response = await fetch(mirror);
          console.log(mirror, response.status);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export {};
        const mirrors = ['https://a.example', 'https://b.example'];
        await Promise.all(mirrors.map(async (mirror) => {
          const response = await fetch(mirror);
          console.log(mirror, response.status);
        }));
      `,
            },
          ],
        },
      ],
    },
    // A tuple of two hosts.
    {
      code: `
        export async function warmUp(hosts: [string, string]): Promise<void> {
          for (const host of hosts) {
            await fetch(\`https://\${host}/warm\`);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function warmUp(hosts: [string, string]): Promise<void> {
          await Promise.all(hosts.map(async (host) => {
            await fetch(\`https://\${host}/warm\`);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // A class method reading files named by a property.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export class TemplateStore {
          constructor(private readonly files: string[]) {}
          async loadAll(): Promise<string[]> {
            const contents = [];
            for (const file of this.files) {
              contents.push(await readFile(file, 'utf8'));
            }
            return contents;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export class TemplateStore {
          constructor(private readonly files: string[]) {}
          async loadAll(): Promise<string[]> {
            const contents = await Promise.all(this.files.map(async (file) => {
              return await readFile(file, 'utf8');
            }));
            return contents;
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // A try/catch that only logs: the pass ends either way.
    {
      code: `
        export async function notifyAll(webhooks: string[]): Promise<void> {
          for (const hook of webhooks) {
            try {
              await fetch(hook);
            } catch (error) {
              console.error('webhook failed', hook, error);
            }
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function notifyAll(webhooks: string[]): Promise<void> {
          await Promise.all(webhooks.map(async (hook) => {
            try {
              await fetch(hook);
            } catch (error) {
              console.error('webhook failed', hook, error);
            }
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // A single-statement body.
    {
      code: `
        import { access } from 'node:fs/promises';
        export async function checkReadable(paths: string[]): Promise<void> {
          for (const path of paths) await access(path);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { access } from 'node:fs/promises';
        export async function checkReadable(paths: string[]): Promise<void> {
          await Promise.all(paths.map(async (path) => { await access(path); }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Two independent fetches in a row.
    {
      code: `
        export async function loadDashboard(userId: string) {
          const profile = await fetch(\`/api/users/\${userId}\`);
          const notifications = await fetch(\`/api/notifications?user=\${userId}\`);
          return { profile, notifications };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        export async function loadDashboard(userId: string) {
          const [profile, notifications] = await Promise.all([fetch(\`/api/users/\${userId}\`), fetch(\`/api/notifications?user=\${userId}\`)]);
          return { profile, notifications };
        }
      `,
            },
          ],
        },
      ],
    },
    // Two writes the record analysis tells apart (other tables, on a pool): they may run together.
    {
      code: `
        import type { Pool } from 'pg';
        export async function closeOrder(pool: Pool, orderId: number, userId: number) {
          const order = await pool.query('UPDATE orders SET closed = true WHERE id = $1', [orderId]);
          const user = await pool.query('UPDATE users SET last_order = now() WHERE id = $1', [userId]);
          return [order.rowCount, user.rowCount];
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import type { Pool } from 'pg';
        export async function closeOrder(pool: Pool, orderId: number, userId: number) {
          const [order, user] = await Promise.all([pool.query('UPDATE orders SET closed = true WHERE id = $1', [orderId]), pool.query('UPDATE users SET last_order = now() WHERE id = $1', [userId])]);
          return [order.rowCount, user.rowCount];
        }
      `,
            },
          ],
        },
      ],
    },
    // Three reads in a row become one Promise.all of three.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function loadCertificates(dir: string) {
          const key = await readFile(\`\${dir}/key.pem\`);
          const cert = await readFile(\`\${dir}/cert.pem\`);
          const ca = await readFile(\`\${dir}/ca.pem\`);
          return { key, cert, ca };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function loadCertificates(dir: string) {
          const [key, cert, ca] = await Promise.all([readFile(\`\${dir}/key.pem\`), readFile(\`\${dir}/cert.pem\`), readFile(\`\${dir}/ca.pem\`)]);
          return { key, cert, ca };
        }
      `,
            },
          ],
        },
      ],
    },
    // let stays let.
    {
      code: `
        import { stat } from 'node:fs/promises';
        export async function compare(left: string, right: string): Promise<number> {
          let before = await stat(left);
          let after = await stat(right);
          return after.size - before.size;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { stat } from 'node:fs/promises';
        export async function compare(left: string, right: string): Promise<number> {
          let [before, after] = await Promise.all([stat(left), stat(right)]);
          return after.size - before.size;
        }
      `,
            },
          ],
        },
      ],
    },
    // Annotations become a tuple type.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function loadSettings(): Promise<[string, string]> {
          const defaults: string = await readFile('defaults.json', 'utf8');
          const overrides: string = await readFile('overrides.json', 'utf8');
          return [defaults, overrides];
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function loadSettings(): Promise<[string, string]> {
          const [defaults, overrides]: [string, string] = await Promise.all([readFile('defaults.json', 'utf8'), readFile('overrides.json', 'utf8')]);
          return [defaults, overrides];
        }
      `,
            },
          ],
        },
      ],
    },
    // Destructuring patterns are kept inside the tuple pattern.
    {
      code: `
        import { readdir, stat } from 'node:fs/promises';
        export async function describeDir(dir: string) {
          const { size } = await stat(dir);
          const [first] = await readdir(dir);
          return { size, first };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readdir, stat } from 'node:fs/promises';
        export async function describeDir(dir: string) {
          const [{ size }, [first]] = await Promise.all([stat(dir), readdir(dir)]);
          return { size, first };
        }
      `,
            },
          ],
        },
      ],
    },
    // Program functions that do real I/O.
    {
      code: `
        async function getProfile(id: string) {
          const response = await fetch(\`/profiles/\${id}\`);
          return response.json();
        }
        async function getOrders(id: string) {
          const response = await fetch(\`/orders?customer=\${id}\`);
          return response.json();
        }
        export async function customerPage(id: string) {
          const profile = await getProfile(id);
          const orders = await getOrders(id);
          return { profile, orders };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 12,
          column: 26,
          endLine: 12,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        async function getProfile(id: string) {
          const response = await fetch(\`/profiles/\${id}\`);
          return response.json();
        }
        async function getOrders(id: string) {
          const response = await fetch(\`/orders?customer=\${id}\`);
          return response.json();
        }
        export async function customerPage(id: string) {
          const [profile, orders] = await Promise.all([getProfile(id), getOrders(id)]);
          return { profile, orders };
        }
      `,
            },
          ],
        },
      ],
    },
    // The run stops at the await that needs an earlier result.
    {
      code: `
        export async function checkout(cartId: string, userId: string) {
          const cart = await fetch(\`/carts/\${cartId}\`);
          const user = await fetch(\`/users/\${userId}\`);
          const quote = await fetch(\`/quotes?cart=\${cart.url}\`);
          return { user, quote };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        export async function checkout(cartId: string, userId: string) {
          const [cart, user] = await Promise.all([fetch(\`/carts/\${cartId}\`), fetch(\`/users/\${userId}\`)]);
          const quote = await fetch(\`/quotes?cart=\${cart.url}\`);
          return { user, quote };
        }
      `,
            },
          ],
        },
      ],
    },
    // Redis reads of two keys.
    {
      code: `
        import type { Redis } from 'ioredis';
        export async function loadPreferences(redis: Redis, id: string) {
          const theme = await redis.get(\`theme:\${id}\`);
          const locale = await redis.get(\`locale:\${id}\`);
          return { theme, locale };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import type { Redis } from 'ioredis';
        export async function loadPreferences(redis: Redis, id: string) {
          const [theme, locale] = await Promise.all([redis.get(\`theme:\${id}\`), redis.get(\`locale:\${id}\`)]);
          return { theme, locale };
        }
      `,
            },
          ],
        },
      ],
    },
    // Inside a switch case.
    {
      code: `
        export async function handle(kind: string, id: string) {
          switch (kind) {
            case 'order': {
              const order = await fetch(\`/orders/\${id}\`);
              const invoice = await fetch(\`/invoices?order=\${id}\`);
              return [order, invoice];
            }
            default:
              return [];
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        export async function handle(kind: string, id: string) {
          switch (kind) {
            case 'order': {
              const [order, invoice] = await Promise.all([fetch(\`/orders/\${id}\`), fetch(\`/invoices?order=\${id}\`)]);
              return [order, invoice];
            }
            default:
              return [];
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // An arrow function body.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export const loadPair = async (a: string, b: string) => {
          const first = await readFile(a, 'utf8');
          const second = await readFile(b, 'utf8');
          return first + second;
        };
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export const loadPair = async (a: string, b: string) => {
          const [first, second] = await Promise.all([readFile(a, 'utf8'), readFile(b, 'utf8')]);
          return first + second;
        };
      `,
            },
          ],
        },
      ],
    },
    // A loop and a pair in one function: two reports.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function build(pages: string[]): Promise<string> {
          const header = await readFile('header.html', 'utf8');
          const footer = await readFile('footer.html', 'utf8');
          const parts: string[] = [];
          for (const page of pages) {
            parts.push(await readFile(page, 'utf8'));
          }
          return header + parts.join('') + footer;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function build(pages: string[]): Promise<string> {
          const [header, footer] = await Promise.all([readFile('header.html', 'utf8'), readFile('footer.html', 'utf8')]);
          const parts: string[] = [];
          for (const page of pages) {
            parts.push(await readFile(page, 'utf8'));
          }
          return header + parts.join('') + footer;
        }
      `,
            },
          ],
        },
        {
          messageId: 'awaitInLoop',
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function build(pages: string[]): Promise<string> {
          const header = await readFile('header.html', 'utf8');
          const footer = await readFile('footer.html', 'utf8');
          const parts: string[] = await Promise.all(pages.map(async (page) => {
            return await readFile(page, 'utf8');
          }));
          return header + parts.join('') + footer;
        }
      `,
            },
          ],
        },
      ],
    },
    // A loop whose body has two independent reads: the loop is reported, and the pair inside it.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function pairs(names: string[]): Promise<void> {
          for (const name of names) {
            const source = await readFile(\`\${name}.ts\`, 'utf8');
            const test = await readFile(\`\${name}.test.ts\`, 'utf8');
            console.log(name, source.length, test.length);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function pairs(names: string[]): Promise<void> {
          await Promise.all(names.map(async (name) => {
            const source = await readFile(\`\${name}.ts\`, 'utf8');
            const test = await readFile(\`\${name}.test.ts\`, 'utf8');
            console.log(name, source.length, test.length);
          }));
        }
      `,
            },
          ],
        },
        {
          messageId: 'consecutiveAwaits',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function pairs(names: string[]): Promise<void> {
          for (const name of names) {
            const [source, test] = await Promise.all([readFile(\`\${name}.ts\`, 'utf8'), readFile(\`\${name}.test.ts\`, 'utf8')]);
            console.log(name, source.length, test.length);
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: downloading avatars into an array via https fetch with json.
    {
      code: `
        export async function avatars(ids: number[]) {
          const out: Blob[] = [];
          for (const id of ids) {
            const res = await fetch(\`https://cdn.example/avatars/\${id}\`);
            out.push(await res.blob());
          }
          return out;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function avatars(ids: number[]) {
          const out: Blob[] = await Promise.all(ids.map(async (id) => {
            const res = await fetch(\`https://cdn.example/avatars/\${id}\`);
            return await res.blob();
          }));
          return out;
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: reading package.json of each workspace.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        import path from 'node:path';
        export async function manifests(workspaces: readonly string[]) {
          const result = [];
          for (const ws of workspaces) {
            const text = await readFile(path.join(ws, 'package.json'), 'utf8');
            result.push(JSON.parse(text) as { name: string });
          }
          return result;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        import path from 'node:path';
        export async function manifests(workspaces: readonly string[]) {
          const result = await Promise.all(workspaces.map(async (ws) => {
            const text = await readFile(path.join(ws, 'package.json'), 'utf8');
            return JSON.parse(text) as { name: string };
          }));
          return result;
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: stat of many files, logging.
    {
      code: `
        import { stat } from 'node:fs/promises';
        export async function sizes(files: string[]) {
          for (const file of files) {
            const s = await stat(file);
            console.log(\`\${file}\\t\${s.size}\`);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { stat } from 'node:fs/promises';
        export async function sizes(files: string[]) {
          await Promise.all(files.map(async (file) => {
            const s = await stat(file);
            console.log(\`\${file}\\t\${s.size}\`);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: two readdir calls.
    {
      code: `
        import { readdir } from 'node:fs/promises';
        export async function listBoth(a: string, b: string) {
          const left = await readdir(a);
          const right = await readdir(b);
          return left.concat(right);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readdir } from 'node:fs/promises';
        export async function listBoth(a: string, b: string) {
          const [left, right] = await Promise.all([readdir(a), readdir(b)]);
          return left.concat(right);
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: counting loop mapping files to hashes of their text.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function lengths(files: string[]): Promise<number[]> {
          const lens: number[] = [];
          for (let i = 0; i < files.length; i += 1) {
            lens.push((await readFile(files[i]!)).length);
          }
          return lens;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function lengths(files: string[]): Promise<number[]> {
          const lens: number[] = await Promise.all(files.map(async (_, i) => {
            return (await readFile(files[i]!)).length;
          }));
          return lens;
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: redis mget-like loop over keys with logging.
    {
      code: `
        import Redis from 'ioredis';
        const redis = new Redis();
        export async function dump(keys: string[]) {
          for (const key of keys) {
            console.log(key, await redis.get(key));
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import Redis from 'ioredis';
        const redis = new Redis();
        export async function dump(keys: string[]) {
          await Promise.all(keys.map(async (key) => {
            console.log(key, await redis.get(key));
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: consecutive fetch json in a class method using this.base.
    {
      code: `
        export class Client {
          constructor(private readonly base: string) {}
          async overview() {
            const stats = await fetch(\`\${this.base}/stats\`);
            const health = await fetch(\`\${this.base}/health\`);
            return [stats.status, health.status];
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        export class Client {
          constructor(private readonly base: string) {}
          async overview() {
            const [stats, health] = await Promise.all([fetch(\`\${this.base}/stats\`), fetch(\`\${this.base}/health\`)]);
            return [stats.status, health.status];
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: loop over readonly tuple as const.
    {
      code: `
        export async function ping() {
          const hosts = ['a.example', 'b.example', 'c.example'] as const;
          for (const host of hosts) {
            console.log(host, (await fetch(\`https://\${host}\`)).ok);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function ping() {
          const hosts = ['a.example', 'b.example', 'c.example'] as const;
          await Promise.all(hosts.map(async (host) => {
            console.log(host, (await fetch(\`https://\${host}\`)).ok);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: loop with inner sync loop, awaiting once per outer pass.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function countWords(files: string[]) {
          for (const file of files) {
            const text = await readFile(file, 'utf8');
            let words = 0;
            for (const line of text.split('\\n')) words += line.split(' ').length;
            console.log(file, words);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function countWords(files: string[]) {
          await Promise.all(files.map(async (file) => {
            const text = await readFile(file, 'utf8');
            let words = 0;
            for (const line of text.split('\\n')) words += line.split(' ').length;
            console.log(file, words);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: consecutive reads of env-specific config files with let.
    {
      code: `
        import { readFile } from 'node:fs/promises';
        export async function configs(env: string) {
          let base = await readFile('config/base.json', 'utf8');
          let local = await readFile(\`config/\${env}.json\`, 'utf8');
          return { ...JSON.parse(base), ...JSON.parse(local) };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { readFile } from 'node:fs/promises';
        export async function configs(env: string) {
          let [base, local] = await Promise.all([readFile('config/base.json', 'utf8'), readFile(\`config/\${env}.json\`, 'utf8')]);
          return { ...JSON.parse(base), ...JSON.parse(local) };
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: loop whose body uses try/finally logging.
    {
      code: `
        export async function probeAll(urls: string[]) {
          for (const url of urls) {
            const started = Date.now();
            try {
              await fetch(url);
            } finally {
              console.log(url, Date.now() - started);
            }
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        export async function probeAll(urls: string[]) {
          await Promise.all(urls.map(async (url) => {
            const started = Date.now();
            try {
              await fetch(url);
            } finally {
              console.log(url, Date.now() - started);
            }
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: dns lookups collected.
    {
      code: `
        import { lookup } from 'node:dns/promises';
        export async function resolveAll(hosts: string[]) {
          const addresses: string[] = [];
          for (const host of hosts) {
            addresses.push((await lookup(host)).address);
          }
          return addresses;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitInLoop',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'runPassesTogether',
              output: `
        import { lookup } from 'node:dns/promises';
        export async function resolveAll(hosts: string[]) {
          const addresses: string[] = await Promise.all(hosts.map(async (host) => {
            return (await lookup(host)).address;
          }));
          return addresses;
        }
      `,
            },
          ],
        },
      ],
    },
    // Held out: two dns lookups in a row.
    {
      code: `
        import { lookup, resolveMx } from 'node:dns/promises';
        export async function mailSetup(domain: string) {
          const address = await lookup(domain);
          const mx = await resolveMx(domain);
          return { address, mx };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'consecutiveAwaits',
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'runConsecutiveTogether',
              output: `
        import { lookup, resolveMx } from 'node:dns/promises';
        export async function mailSetup(domain: string) {
          const [address, mx] = await Promise.all([lookup(domain), resolveMx(domain)]);
          return { address, mx };
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});
