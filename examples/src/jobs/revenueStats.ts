import type { OrderRepository } from '../data/orderRepository.js';
import type { Order } from '../domain/order.js';

function totalCentsOf(order: Order | undefined): number {
  return order === undefined ? 0 : order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}

/**
 * Running totals for the dashboard. The order handlers call `recordOrder` as
 * orders come in, so several calls run at once, each waiting for its lookup.
 */
export class RevenueStats {
  revenueCents = 0;
  refundedCents = 0;
  ordersSeen = 0;
  lastOrderId: string | undefined;

  constructor(private readonly repository: OrderRepository) {}

  async recordOrder(id: string): Promise<void> {
    this.revenueCents += await this.totalOf(id); // expect: no-lost-update — two orders recorded at once: the second write starts from the total the first never saw; --fix awaits first
    this.ordersSeen++; // ok: no-lost-update — read and written after the await, in one step
    this.lastOrderId = id; // ok: no-lost-update — a value that does not come from the old one
  }

  async recordRefund(id: string): Promise<void> {
    const refunded = this.refundedCents;
    const order = await this.repository.findById(id);
    this.refundedCents = refunded + totalCentsOf(order); // expect: no-lost-update — `refunded` was read before the lookup
  }

  private async totalOf(id: string): Promise<number> {
    return totalCentsOf(await this.repository.findById(id));
  }

  /** Recomputes one customer's revenue from scratch. */
  async customerRevenue(customerId: string): Promise<number> {
    const sums = { cents: 0 };
    for (const order of await this.repository.listByCustomer(customerId)) {
      sums.cents += totalCentsOf(await this.repository.findById(order.id)); // ok: no-lost-update — an object this call created: nobody else holds it
    }
    return sums.cents;
  }
}
