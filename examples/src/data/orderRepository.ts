import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Order } from '../domain/order.js';

export interface OrderRepository {
  findById(id: string): Promise<Order | undefined>;
  listByCustomer(customerId: string): Promise<readonly Order[]>;
  save(order: Order): Promise<void>;
}

/** Keeps orders in memory, for tests and local development. */
export class InMemoryOrderRepository implements OrderRepository {
  readonly #orders = new Map<string, Order>();

  async findById(id: string): Promise<Order | undefined> { // ok: no-needless-async — implements OrderRepository.findById, which returns a Promise
    return this.#orders.get(id);
  }

  async listByCustomer(customerId: string): Promise<readonly Order[]> { // ok: no-needless-async — implements the interface
    return [...this.#orders.values()].filter((order) => order.customerId === customerId);
  }

  async save(order: Order): Promise<void> { // ok: no-needless-async — implements the interface
    this.#orders.set(order.id, order);
  }
}

/** One JSON file per order, named after the order id, under the data directory. */
export class FileOrderRepository implements OrderRepository {
  readonly #dataDir: string;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  async findById(id: string): Promise<Order | undefined> {
    try {
      const raw = await readFile(this.#fileFor(id), 'utf8'); // ok: no-trivial-await — real file I/O
      return JSON.parse(raw) as Order;
    } catch (error) {
      if (isFileNotFound(error)) return undefined;
      throw error;
    }
  }

  async listByCustomer(customerId: string): Promise<readonly Order[]> {
    const names = await readdir(this.#dataDir).catch((error: unknown) => (isFileNotFound(error) ? [] : Promise.reject(error)));
    const orders = await Promise.all(names.map((name) => this.findById(path.basename(name, '.json'))));
    return orders.filter((order): order is Order => order?.customerId === customerId);
  }

  async save(order: Order): Promise<void> {
    await mkdir(this.#dataDir, { recursive: true });
    await writeFile(this.#fileFor(order.id), `${JSON.stringify(order, null, 2)}\n`);
  }

  #fileFor(id: string): string {
    return path.join(this.#dataDir, `${id}.json`);
  }
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
