import { InMemoryOrderRepository } from '../data/orderRepository.js';
import type { Order } from '../domain/order.js';

/** Orders for local development and the handler tests. */
export const SAMPLE_ORDERS: readonly Order[] = [
  {
    id: '7d9f2c1e-4b7a-4f0e-9a51-2f6d8c3b1a90',
    customerId: 'customer-1',
    status: 'paid',
    lines: [{ sku: 'COFFEE-1KG', quantity: 2, unitPriceCents: 1899 }],
    createdAt: '2024-05-02T09:30:00.000Z',
  },
  {
    id: '0b4e8a7d-1c2f-4d3e-8b6a-5f9e0d1c2b3a',
    customerId: 'customer-2',
    status: 'pending',
    lines: [
      { sku: 'MUG-WHITE', quantity: 4, unitPriceCents: 799 },
      { sku: 'FILTER-100', quantity: 1, unitPriceCents: 349 },
    ],
    createdAt: '2024-05-03T14:05:00.000Z',
  },
];

export async function createSeededRepository(): Promise<InMemoryOrderRepository> {
  const repository = new InMemoryOrderRepository();
  for (const order of SAMPLE_ORDERS) {
    await repository.save(order); // ok: no-trivial-await — save() keeps the Promise of the OrderRepository contract it implements
  }
  return repository;
}
