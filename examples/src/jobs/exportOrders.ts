import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { OrderRepository } from '../data/orderRepository.js';
import type { Order } from '../domain/order.js';

/** The columns of the CSV export, in order. */
const COLUMNS = ['id', 'customer', 'status', 'lines', 'total'] as const;

function toCsvRow(order: Order): string {
  const totalCents = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  return [order.id, order.customerId, order.status, String(order.lines.length), (totalCents / 100).toFixed(2)].join(',');
}

async function csvHeader(): Promise<string> {
  let header = '';
  for (const column of COLUMNS) {
    header += header === '' ? column : `,${column}`;
    await new Promise((resolve) => setImmediate(resolve)); // expect: no-needless-async-loop — five columns: the yields keep nothing responsive
  }
  return header;
}

/** Writes all orders into one CSV file and one file per order; returns how many rows it wrote. */
export async function exportOrders(orders: readonly Order[], dir: string): Promise<number> {
  const rows = await Promise.all(orders.map(async (order) => toCsvRow(order))); // expect: no-needless-async-loop, no-needless-async — the callback only formats: Promise.all runs nothing concurrently
  await writeFile(path.join(dir, 'orders.csv'), `${await csvHeader()}\n${rows.join('\n')}\n`);
  orders.forEach(async (order) => { // expect: no-needless-async-loop — nothing waits for these writes, and a failed one is an unhandled rejection
    await writeFile(path.join(dir, `${order.id}.csv`), `${toCsvRow(order)}\n`);
  });
  return rows.length;
}

/** Logs the status of every order, one line each. */
export async function logStatuses(orders: readonly Order[]): Promise<void> {
  for await (const order of orders) { // expect: no-needless-async-loop — an array of plain orders: nothing to wait for
    console.log(`${order.id}: ${order.status}`);
  }
}

/** Saves the orders one after another, starting at `index`. */
export async function saveFrom(repository: OrderRepository, orders: readonly Order[], index: number): Promise<void> {
  if (index >= orders.length) return;
  const order = orders[index];
  if (order !== undefined) await repository.save(order);
  await saveFrom(repository, orders, index + 1); // expect: no-needless-async-loop — recursion standing in for a loop
}

/** Saves all orders concurrently. */
export async function saveAll(repository: OrderRepository, orders: readonly Order[]): Promise<void> {
  await Promise.all(orders.map(async (order) => repository.save(order))); // ok: no-needless-async-loop, no-needless-async — the callback returns the save's promise: real concurrent I/O
}

/** Counts the lines of an exported file, yielding between orders so that a long export does not stall requests. */
export async function countExportedLines(file: string, orders: readonly Order[]): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file, 'utf8')) { // ok: no-needless-async-loop — a file stream is an async iterable
    lines += String(chunk).split('\n').length - 1;
  }
  for (const order of orders) {
    lines += order.lines.length;
    await new Promise((resolve) => setImmediate(resolve)); // ok: no-needless-async-loop — any number of orders: the yield keeps the server responsive
  }
  return lines;
}
