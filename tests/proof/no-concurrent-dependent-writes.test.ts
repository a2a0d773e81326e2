/**
 * The doc page's ❌ example, run through the real `pg` `Pool` against a
 * Postgres (PGlite on the wire protocol on 127.0.0.1). The schedule is made
 * deterministic by a controlled network delay: a `pg` client class (the
 * pool's `Client` option) that holds back queries whose SQL starts with a
 * given text. With the `users` insert late, the `credits` row that
 * references it arrives first and violates the foreign key. The rule's
 * suggested rewrite (the page's first ✅ example) works under every
 * schedule tried.
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadExample, readDocExamples } from './doc-examples.js';
import { servePGlite, type ServedPGlite } from './pglite-server.js';

type SignUp = (pool: pg.Pool, userId: number, email: string) => Promise<void>;

const examples = readDocExamples('no-concurrent-dependent-writes');
let served: ServedPGlite;

/** SQL prefix → milliseconds the query is held back before it is sent. */
const delays = new Map<string, number>();

/** A `pg` client on a slow network for some queries. */
class DelayedClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [config] = args;
    const text = typeof config === 'string' ? config : ((config as { text?: string } | undefined)?.text ?? '');
    const delay = [...delays].find(([prefix]) => text.startsWith(prefix))?.[1];
    const send = (): unknown => (pg.Client.prototype.query as (...values: unknown[]) => unknown).apply(this, args);
    if (delay === undefined) return send() as never;
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      setTimeout(send, delay);
      return undefined as never;
    }
    return new Promise((resolve) => setTimeout(resolve, delay)).then(send) as never;
  }
}

const SCHEDULES: readonly { name: string; late: string | undefined }[] = [
  { name: 'no delay', late: undefined },
  { name: 'users insert 30 ms late', late: 'INSERT INTO users' },
  { name: 'credits insert 30 ms late', late: 'INSERT INTO credits' },
];

beforeAll(async () => {
  served = await servePGlite();
  await served.db.exec(`
    CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
    CREATE TABLE credits (user_id int NOT NULL REFERENCES users (id), amount int NOT NULL);
  `);
});

afterAll(async () => {
  await served.stop();
});

beforeEach(async () => {
  delays.clear();
  await served.db.exec('DELETE FROM credits; DELETE FROM users;');
});

/** Runs `signUp` under a schedule on a fresh pool: the error it threw (if any) and the rows it left. */
async function run(signUp: SignUp, late: string | undefined, userId: number) {
  delays.clear();
  if (late !== undefined) delays.set(late, 30);
  const pool = new pg.Pool({ connectionString: served.connectionString, max: 4, Client: DelayedClient });
  let error: { code?: string; message: string } | undefined;
  try {
    await signUp(pool, userId, `user${String(userId)}@example.com`);
  } catch (caught) {
    error = caught as { code?: string; message: string };
  } finally {
    await pool.end();
  }
  const users = await served.db.query<{ id: number }>('SELECT id FROM users WHERE id = $1', [userId]);
  const credits = await served.db.query<{ amount: number }>('SELECT amount FROM credits WHERE user_id = $1', [userId]);
  return { error, users: users.rows.length, credits: credits.rows.map((row) => row.amount) };
}

describe('no-concurrent-dependent-writes on a real Postgres', () => {
  it('the flagged example violates the foreign key when the users insert is late', async () => {
    const [flagged] = examples.incorrect;
    if (flagged === undefined) throw new Error('no ❌ example');
    const { signUp } = await loadExample<{ signUp: SignUp }>(flagged);
    const outcomes = [];
    for (const [index, schedule] of SCHEDULES.entries()) {
      const outcome = await run(signUp, schedule.late, 100 + index);
      outcomes.push(outcome);
      console.log(
        `flagged, ${schedule.name}: ${outcome.error === undefined ? 'ok' : `${outcome.error.code ?? ''} ${outcome.error.message}`}; users ${String(outcome.users)}, credits ${JSON.stringify(outcome.credits)}`,
      );
    }
    const lateUsers = outcomes[1];
    expect(lateUsers?.error?.code).toBe('23503');
    expect(lateUsers?.error?.message).toContain('violates foreign key constraint');
    expect(lateUsers?.credits).toEqual([]);
  });

  it('the suggested rewrite, in dependency order, creates the user and the credit under every schedule', async () => {
    const [rewrite] = examples.correct;
    if (rewrite === undefined) throw new Error('no ✅ example');
    const { signUp } = await loadExample<{ signUp: SignUp }>(rewrite);
    for (const [index, schedule] of SCHEDULES.entries()) {
      const outcome = await run(signUp, schedule.late, 200 + index);
      console.log(`rewrite, ${schedule.name}: ${outcome.error === undefined ? 'ok' : outcome.error.message}; users ${String(outcome.users)}, credits ${JSON.stringify(outcome.credits)}`);
      expect(outcome).toEqual({ error: undefined, users: 1, credits: [100] });
    }
  });
});
