/**
 * `prefer-concurrent-awaits` side by side with ESLint's own `no-await-in-loop`,
 * both run by a real ESLint with the typed parser on the same inputs:
 * - the loops users asked `no-await-in-loop` to leave alone (ESLint's tracker
 *   closed such reports as intended, eslint/eslint#14700; SonarJS's wrapper
 *   of it, S9382, has the same open false positive) — it reports them, ours
 *   rightly does not;
 * - awaits in a row that are independent — it never reports them, ours does;
 * - the loops both report, where the passes really are independent.
 */
import path from 'node:path';

import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

const OURS = 'async-misuse/prefer-concurrent-awaits';
const THEIRS = 'no-await-in-loop';

const eslint = createFixtureESLint({
  configs: [
    {
      files: ['**/*.ts'],
      plugins: { 'async-misuse': plugin },
      rules: { [OURS]: 'error', [THEIRS]: 'error' },
    },
  ],
});

interface Reports {
  ours: number;
  theirs: number;
}

async function lint(code: string): Promise<Reports> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  const messages: Linter.LintMessage[] = result?.messages ?? [];
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal !== undefined) throw new Error(`does not parse: ${fatal.message}`);
  return {
    ours: messages.filter((message) => message.ruleId === OURS).length,
    theirs: messages.filter((message) => message.ruleId === THEIRS).length,
  };
}

/** Lints the cases one after the other: they share one file path of one typed project. */
async function lintEach(cases: readonly { name: string; code: string }[]): Promise<(Reports & { name: string })[]> {
  const results: (Reports & { name: string })[] = [];
  // In order on purpose: one file path of one typed program.
  for (const { name, code } of cases) results.push({ name, ...(await lint(code)) });
  return results;
}

/** Loops that are sequential on purpose: the false alarms people turned `no-await-in-loop` off for. */
const sequentialOnPurpose: readonly { name: string; code: string }[] = [
  {
    name: 'eslint/eslint#14700: an await right before the return that ends the loop',
    code: `
export async function init(): Promise<void> {
  for (const a of [0, 1, 2]) {
    if (a === 1) {
      await fetch('./data.json');
      return;
    }
  }
}
`,
  },
  {
    name: "SonarJS S9382's open false positive: return on the first good response",
    code: `
export async function firstOk(urls: string[]): Promise<Response | undefined> {
  for (const url of urls) {
    const response = await fetch(url);
    if (response.ok) return response;
  }
  return undefined;
}
`,
  },
  {
    name: 'a retry that returns on the first success',
    code: `
export async function fetchWithRetry(url: string): Promise<Response> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(url);
    } catch (error) {
      console.warn('retrying', attempt, error);
    }
  }
  throw new Error('gave up');
}
`,
  },
  {
    name: 'polling until a job is done, with a sleep between',
    code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function waitForJob(id: string): Promise<void> {
  for (;;) {
    const response = await fetch(\`/jobs/\${id}\`);
    if (response.status === 200) return;
    await sleep(2000);
  }
}
`,
  },
  {
    name: 'a rate limit of one request a second',
    code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function crawl(urls: string[]): Promise<void> {
  for (const url of urls) {
    console.log((await fetch(url)).status);
    await sleep(1000);
  }
}
`,
  },
  {
    name: 'a limiter that decides the concurrency',
    code: `
declare const limiter: { schedule<T>(job: () => Promise<T>): Promise<T> };
export async function syncAll(ids: string[]): Promise<void> {
  for (const id of ids) {
    await limiter.schedule(() => fetch(\`/sync/\${id}\`));
  }
}
`,
  },
  {
    name: 'pagination with a cursor fed back',
    code: `
declare function listPage(cursor?: string): Promise<{ items: string[]; next?: string }>;
export async function listAll(): Promise<string[]> {
  const items: string[] = [];
  let cursor: string | undefined;
  while (true) {
    const page = await listPage(cursor);
    items.push(...page.items);
    if (page.next === undefined) break;
    cursor = page.next;
  }
  return items;
}
`,
  },
  {
    name: 'an early exit on the first match',
    code: `
import { access } from 'node:fs/promises';
export async function findFirst(candidates: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}
`,
  },
  {
    name: 'an accumulator carried from pass to pass',
    code: `
import { stat } from 'node:fs/promises';
export async function totalSize(paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await stat(path)).size;
  return total;
}
`,
  },
  {
    name: 'ordered writes to one file',
    code: `
import { open } from 'node:fs/promises';
export async function writeLines(path: string, lines: string[]): Promise<void> {
  const file = await open(path, 'w');
  for (const line of lines) await file.write(\`\${line}\\n\`);
  await file.close();
}
`,
  },
  {
    name: 'batches of bounded concurrency',
    code: `
export async function sendInBatches(batches: string[][]): Promise<void> {
  for (const batch of batches) {
    await Promise.all(batch.map((url) => fetch(url, { method: 'POST' })));
  }
}
`,
  },
  {
    name: 'a row update per item, which may touch a row another pass reads',
    code: `
import type { Pool } from 'pg';
export async function archive(pool: Pool, ids: number[]): Promise<void> {
  for (const id of ids) {
    await pool.query('UPDATE orders SET archived = true WHERE id = $1', [id]);
  }
}
`,
  },
  {
    name: 'a throw that stops the passes after a failed check',
    code: `
export async function verifyAll(urls: string[]): Promise<void> {
  for (const url of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(\`\${url}: \${response.status}\`);
  }
}
`,
  },
  {
    name: 'an async generator yielding in order',
    code: `
export async function* statuses(urls: string[]): AsyncGenerator<number> {
  for (const url of urls) yield (await fetch(url)).status;
}
`,
  },
  {
    name: 'a queue drained one job at a time',
    code: `
declare function runJob(job: string): Promise<void>;
export async function drain(jobs: string[]): Promise<void> {
  while (jobs.length > 0) {
    const job = jobs.shift();
    if (job !== undefined) await runJob(job);
  }
}
`,
  },
];

/** Independent awaits in a row: `no-await-in-loop` has no eyes for them. */
const consecutive: readonly { name: string; code: string }[] = [
  {
    name: 'two fetches for one page',
    code: `
export async function dashboard(userId: string) {
  const profile = await fetch(\`/api/users/\${userId}\`);
  const notifications = await fetch(\`/api/notifications?user=\${userId}\`);
  return { profile, notifications };
}
`,
  },
  {
    name: 'three certificate files',
    code: `
import { readFile } from 'node:fs/promises';
export async function loadTls(dir: string) {
  const key = await readFile(\`\${dir}/key.pem\`);
  const cert = await readFile(\`\${dir}/cert.pem\`);
  const ca = await readFile(\`\${dir}/ca.pem\`);
  return { key, cert, ca };
}
`,
  },
  {
    name: 'two redis keys',
    code: `
import type { Redis } from 'ioredis';
export async function preferences(redis: Redis, id: string) {
  const theme = await redis.get(\`theme:\${id}\`);
  const locale = await redis.get(\`locale:\${id}\`);
  return { theme, locale };
}
`,
  },
  {
    name: 'two program functions that fetch',
    code: `
async function getProfile(id: string) { return (await fetch(\`/profiles/\${id}\`)).json(); }
async function getOrders(id: string) { return (await fetch(\`/orders?customer=\${id}\`)).json(); }
export async function customerPage(id: string) {
  const profile = await getProfile(id);
  const orders = await getOrders(id);
  return { profile, orders };
}
`,
  },
];

/** Loops whose passes really are independent: both rules report them. */
const independentLoops: readonly { name: string; code: string }[] = [
  {
    name: 'reading templates one by one',
    code: `
import { readFile } from 'node:fs/promises';
export async function readTemplates(paths: string[]): Promise<string[]> {
  const templates: string[] = [];
  for (const path of paths) templates.push(await readFile(path, 'utf8'));
  return templates;
}
`,
  },
  {
    name: 'checking links one by one',
    code: `
export async function checkLinks(urls: string[]): Promise<void> {
  for (const url of urls) {
    const response = await fetch(url, { method: 'HEAD' });
    console.log(url, response.status);
  }
}
`,
  },
];

describe('prefer-concurrent-awaits beside no-await-in-loop', () => {
  it(`leaves alone the ${String(sequentialOnPurpose.length)} loops that are sequential on purpose, which no-await-in-loop reports`, async () => {
    const results = await lintEach(sequentialOnPurpose);
    expect(results.filter((result) => result.theirs === 0).map((result) => result.name)).toEqual([]);
    expect(results.filter((result) => result.ours > 0).map((result) => result.name)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  it(`reports the ${String(consecutive.length)} runs of independent awaits, which no-await-in-loop never sees`, async () => {
    const results = await lintEach(consecutive);
    expect(results.map(({ name, ours, theirs }) => [name, ours, theirs])).toEqual(consecutive.map(({ name }) => [name, 1, 0]));
  });

  it('agrees on loops whose passes are independent, reporting once per loop where it reports each await', async () => {
    const results = await lintEach(independentLoops);
    expect(results.map(({ name, ours, theirs }) => [name, ours, theirs])).toEqual(independentLoops.map(({ name }) => [name, 1, 1]));
  });
});
