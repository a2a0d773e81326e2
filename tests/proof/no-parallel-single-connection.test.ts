/**
 * The doc page's ❌ example, run through the real `pg` client against a
 * Postgres (PGlite on the wire protocol on 127.0.0.1): one `Client` runs the
 * two "parallel" queries one after another. Then the
 * page's ✅ rewrites return the same rows. Server-side timing: `orders` and
 * `invoices` are views over functions that sleep 50 ms and log their
 * `clock_timestamp()` interval.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadExample, readDocExamples } from './doc-examples.js';
import { servePGlite, type ServedPGlite } from './pglite-server.js';

interface Dashboard {
  orders: { id: number; total: number }[];
  invoices: { id: number; due: string }[];
}
type LoadDashboard = (db: pg.Client | pg.Pool, userId: number) => Promise<Dashboard>;

const examples = readDocExamples('no-parallel-single-connection');
let served: ServedPGlite;

beforeAll(async () => {
  served = await servePGlite();
  await served.db.exec(`
    CREATE TABLE query_log (query text, started timestamptz, finished timestamptz);
    CREATE TABLE order_rows (id int, user_id int, total int);
    CREATE TABLE invoice_rows (id int, user_id int, due text);
    INSERT INTO order_rows VALUES (1, 7, 120), (2, 7, 80), (3, 8, 10);
    INSERT INTO invoice_rows VALUES (10, 7, '2026-12-31');
    CREATE FUNCTION timed_orders() RETURNS SETOF order_rows LANGUAGE plpgsql AS $$
    DECLARE t0 timestamptz := clock_timestamp();
    BEGIN
      PERFORM pg_sleep(0.05);
      RETURN QUERY SELECT * FROM order_rows ORDER BY id;
      INSERT INTO query_log VALUES ('orders', t0, clock_timestamp());
    END $$;
    CREATE FUNCTION timed_invoices() RETURNS SETOF invoice_rows LANGUAGE plpgsql AS $$
    DECLARE t0 timestamptz := clock_timestamp();
    BEGIN
      PERFORM pg_sleep(0.05);
      RETURN QUERY SELECT * FROM invoice_rows ORDER BY id;
      INSERT INTO query_log VALUES ('invoices', t0, clock_timestamp());
    END $$;
    CREATE VIEW orders AS SELECT * FROM timed_orders();
    CREATE VIEW invoices AS SELECT * FROM timed_invoices();
  `);
});

afterAll(async () => {
  await served.stop();
});

/** Runs `load`, and gives its result, the server-side intervals it logged, the wall time and `pg`'s warnings meanwhile. */
async function observe(load: () => Promise<Dashboard>) {
  await served.db.exec('DELETE FROM query_log');
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  const started = performance.now();
  const result = await load();
  const wallMs = performance.now() - started;
  // Warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  const log = await served.db.query<{ query: string; started: Date; finished: Date }>('SELECT * FROM query_log ORDER BY started');
  const intervals = log.rows.map((row) => ({ query: row.query, started: row.started.getTime(), finished: row.finished.getTime() }));
  return { result, intervals, wallMs, warnings };
}

const expected: Dashboard = {
  orders: [
    { id: 1, total: 120 },
    { id: 2, total: 80 },
  ],
  invoices: [{ id: 10, due: '2026-12-31' }],
};

describe('no-parallel-single-connection on a real Postgres', () => {
  it('the flagged example: one Client runs the "parallel" queries one after another', async () => {
    const [flagged] = examples.incorrect;
    if (flagged === undefined) throw new Error('no ❌ example');
    const { loadDashboard } = await loadExample<{ loadDashboard: LoadDashboard }>(flagged);
    const client = new pg.Client({ connectionString: served.connectionString });
    await client.connect();
    try {
      const { result, intervals, wallMs, warnings } = await observe(() => loadDashboard(client, 7));
      const [first, second] = intervals;
      if (first === undefined || second === undefined) throw new Error('no intervals logged');
      console.log(
        `flagged (one Client): ${intervals.map((i) => `${i.query} ${String(i.started % 100_000)}–${String(i.finished % 100_000)} ms`).join(', ')}; ` +
          `gap ${String(second.started - first.finished)} ms; wall ${wallMs.toFixed(0)} ms; warnings: ${JSON.stringify(warnings)}`,
      );
      expect(result).toEqual(expected);
      expect(second.started).toBeGreaterThanOrEqual(first.finished);
      // Two 50 ms queries, one after the other: the "parallel" version takes as long as the sequence.
      expect(wallMs).toBeGreaterThanOrEqual(100);
      expect(second.finished - first.started).toBeGreaterThanOrEqual(100);
    } finally {
      await client.end();
    }
  });

  it('the rewrites: in sequence on the Client, or on a pool, the same rows and no deprecation warning from pg', async () => {
    const [inSequence, onPool] = examples.correct;
    if (inSequence === undefined || onPool === undefined) throw new Error('no ✅ examples');
    const sequential = await loadExample<{ loadDashboard: LoadDashboard }>(inSequence);
    const pooled = await loadExample<{ loadDashboard: LoadDashboard }>(onPool);

    const client = new pg.Client({ connectionString: served.connectionString });
    await client.connect();
    try {
      const run = await observe(() => sequential.loadDashboard(client, 7));
      const [first, second] = run.intervals;
      if (first === undefined || second === undefined) throw new Error('no intervals logged');
      console.log(`in sequence: gap ${String(second.started - first.finished)} ms; wall ${run.wallMs.toFixed(0)} ms; warnings: ${JSON.stringify(run.warnings)}`);
      expect(run.result).toEqual(expected);
      expect(run.warnings).toEqual([]);
    } finally {
      await client.end();
    }

    const pool = new pg.Pool({ connectionString: served.connectionString, max: 4 });
    try {
      const run = await observe(() => pooled.loadDashboard(pool, 7));
      console.log(`on a pool: ${String(pool.totalCount)} connections; wall ${run.wallMs.toFixed(0)} ms; warnings: ${JSON.stringify(run.warnings)}`);
      expect(run.result).toEqual(expected);
      expect(pool.totalCount).toBe(2);
      expect(run.warnings).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});
