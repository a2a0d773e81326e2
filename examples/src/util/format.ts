import type { Order, OrderTotals } from '../domain/order.js';

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

export function formatDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** One line per order, for logs and confirmation e-mails. */
export async function formatOrderSummary(order: Order, totals: OrderTotals, currency: string): Promise<string> { // expect: no-needless-async — exported: suggestion only
  const items = order.lines.map((line) => `${line.quantity} x ${line.sku}`).join(', ');
  return `Order ${order.id} of ${formatDate(order.createdAt)} (${order.status}): ${items}, total ${formatMoney(totals.totalCents, currency)}`;
}
