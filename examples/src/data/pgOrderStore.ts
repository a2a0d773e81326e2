import type { Pool, PoolClient } from 'pg';

/** Order rows in Postgres, through `pg`: the pool for reads, one checked-out client for a transaction. */
export class PgOrderStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  /** The dashboard of one customer: orders and invoices, each on a connection of the pool. */
  async dashboard(customerId: string) {
    const [orders, invoices] = await Promise.all([ // ok: no-parallel-single-connection — a pool gives each query its own connection
      this.#pool.query('SELECT id, total_cents FROM orders WHERE customer_id = $1', [customerId]),
      this.#pool.query('SELECT id, due FROM invoices WHERE customer_id = $1', [customerId]),
    ]);
    return { orders: orders.rows, invoices: invoices.rows };
  }

  /** Marks orders shipped, on one client so that they commit together. */
  async markShipped(orderIds: readonly string[]): Promise<void> {
    const client: PoolClient = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await Promise.all(orderIds.map((id) => client.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [id]))); // expect: no-parallel-single-connection — one connection runs them one after another
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** The totals of a customer, on one client: the queries wait for each other anyway. */
  async totals(customerId: string) {
    const client = await this.#pool.connect();
    try {
      const [count, sum] = await Promise.all([ // expect: no-parallel-single-connection — a checked-out client is one connection
        client.query('SELECT count(*) FROM orders WHERE customer_id = $1', [customerId]),
        client.query('SELECT sum(total_cents) FROM orders WHERE customer_id = $1', [customerId]),
      ]);
      return { count: count.rows[0], sum: sum.rows[0] };
    } finally {
      client.release();
    }
  }
}
