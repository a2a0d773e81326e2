import { randomUUID } from 'node:crypto';

import type { ServiceConfig } from '../config.js';
import type { OrderRepository } from '../data/orderRepository.js';
import type { TtlCache } from '../data/ttlCache.js';
import type { Order, OrderLine, OrderTotals } from '../domain/order.js';
import { HttpError, type HttpRequest, type HttpResponse, type Router } from '../http/router.js';
import { formatOrderSummary } from '../util/format.js';
import { Logger } from '../util/logger.js';
import { recordOrderCreated } from '../util/metrics.js';

export interface OrderDependencies {
  readonly config: ServiceConfig;
  readonly repository: OrderRepository;
  readonly orderCache: TtlCache<Order>;
  readonly customerOrdersCache: TtlCache<readonly Order[]>;
}

interface CreateOrderPayload {
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
}

const ORDER_ID = /^[0-9a-f-]{36}$/;
const log = new Logger('orders');

export function registerOrderRoutes(router: Router, dependencies: OrderDependencies): void {
  router
    .get('/orders/:id', (request) => getOrder(request, dependencies))
    .get('/customers/:customerId/orders', (request) => listCustomerOrders(request, dependencies))
    .post('/orders', (request) => createOrder(request, dependencies));
}

async function getOrder(request: HttpRequest, { config, repository, orderCache }: OrderDependencies): Promise<HttpResponse> {
  const id = await parseOrderId(request.params.id); // expect: no-trivial-await — parseOrderId never awaits
  let order = await orderCache.get(id); // expect: no-trivial-await — the cache hands back the order itself, not a promise
  if (order === undefined) {
    order = await repository.findById(id); // ok: no-trivial-await — a Promise from the repository's contract
    if (order === undefined) return { status: 404, body: { error: `Order ${id} not found` } };
    orderCache.set(id, order);
  }
  const totals = await computeTotals(order.lines, config.taxRate); // expect: no-trivial-await — computeTotals only does arithmetic
  const summary = await formatOrderSummary(order, totals, config.currency); // ok: no-trivial-await — an async wrapper around string formatting, but exported with a declared Promise<string>: a promise of its API
  return { status: 200, body: { order, totals, summary } };
}

async function listCustomerOrders(request: HttpRequest, { repository, customerOrdersCache }: OrderDependencies): Promise<HttpResponse> {
  const customerId = request.params.customerId ?? '';
  const orders = await customerOrdersCache.getOrLoad(customerId, () => repository.listByCustomer(customerId)); // ok: no-trivial-await — Value | Promise<Value>: sometimes async
  return { status: 200, body: { customerId, orders } };
}

async function createOrder(request: HttpRequest, { config, repository, orderCache }: OrderDependencies): Promise<HttpResponse> {
  const payload = await new Promise<CreateOrderPayload>((resolve) => resolve(parseCreateOrder(request.body))); // expect: no-trivial-await — a promise around a value that is already here
  const order: Order = {
    id: randomUUID(),
    customerId: payload.customerId,
    status: 'pending',
    lines: payload.lines,
    createdAt: new Date().toISOString(),
  };
  const totals = await computeTotals(order.lines, config.taxRate); // expect: no-trivial-await — computeTotals only does arithmetic
  await repository.save(order); // ok: no-trivial-await — writes the order file
  orderCache.set(order.id, order);
  await recordOrderCreated(order, totals); // expect: no-trivial-await — recordOrderCreated returns void
  await log.info('order created', { orderId: order.id, totalCents: totals.totalCents }); // expect: no-trivial-await — Logger#info returns void and no subclass overrides it
  return { status: 201, body: { order, totals } };
}

/** Sums the lines and adds tax, in cents. */
async function computeTotals(lines: readonly OrderLine[], taxRate: number): Promise<OrderTotals> { // expect: no-needless-async — module-private and only ever awaited: --fix removes `async`
  const subtotalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const taxCents = Math.round(subtotalCents * taxRate);
  return { subtotalCents, taxCents, totalCents: subtotalCents + taxCents };
}

async function parseOrderId(raw: string | undefined): Promise<string> { // expect: no-needless-async — it throws, and the throw would stop being a rejection: suggestion only
  if (raw === undefined || !ORDER_ID.test(raw)) throw new HttpError(400, `Invalid order id: ${raw ?? '(missing)'}`);
  return raw;
}

function parseCreateOrder(body: unknown): CreateOrderPayload {
  if (typeof body !== 'object' || body === null) throw new HttpError(400, 'Expected a JSON object');
  const { customerId, lines } = body as Partial<Record<keyof CreateOrderPayload, unknown>>;
  if (typeof customerId !== 'string' || !Array.isArray(lines) || lines.length === 0) {
    throw new HttpError(400, 'An order needs a customerId and at least one line');
  }
  return { customerId, lines: lines.map(parseOrderLine) };
}

function parseOrderLine(line: unknown): OrderLine {
  const { sku, quantity, unitPriceCents } = (line ?? {}) as Partial<Record<keyof OrderLine, unknown>>;
  if (typeof sku !== 'string' || !Number.isInteger(quantity) || !Number.isInteger(unitPriceCents)) {
    throw new HttpError(400, 'Each line needs a sku, an integer quantity and an integer unitPriceCents');
  }
  return { sku, quantity: quantity as number, unitPriceCents: unitPriceCents as number };
}
