import type { Order, OrderTotals } from '../domain/order.js';

/** In-process counters, scraped by the metrics endpoint; updating them is synchronous. */
const counters = new Map<string, number>();

export function incrementCounter(name: string, by = 1): void {
  counters.set(name, (counters.get(name) ?? 0) + by);
}

export function recordOrderCreated(order: Order, totals: OrderTotals): void {
  incrementCounter('orders_created_total');
  incrementCounter('order_lines_total', order.lines.length);
  incrementCounter('order_revenue_cents_total', totals.totalCents);
}

export function snapshotCounters(): Readonly<Record<string, number>> {
  return Object.fromEntries(counters);
}
