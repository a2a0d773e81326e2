import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ServiceConfig } from '../config.js';
import type { OrderRepository } from '../data/orderRepository.js';
import type { TtlCache } from '../data/ttlCache.js';
import type { Order } from '../domain/order.js';
import { Logger } from '../util/logger.js';
import { incrementCounter, snapshotCounters } from '../util/metrics.js';

const log = new Logger('jobs');

/** Background jobs of the service: cache warming, metrics snapshots, a health beat. */
export function startMaintenance(
  config: ServiceConfig,
  repository: OrderRepository,
  customerOrdersCache: TtlCache<readonly Order[]>,
  hotCustomers: readonly string[],
): () => void {
  // Warms the cache of the busiest customers. On a slow disk one run takes longer than the interval.
  const warming = setInterval(async () => { // expect: no-overlapping-interval — slow runs start on top of each other
    for (const customerId of hotCustomers) {
      customerOrdersCache.set(customerId, await repository.listByCustomer(customerId));
    }
    log.info('cache warmed', { customers: hotCustomers.length });
  }, config.cacheTtlMs);

  let writingSnapshot = false;
  const snapshots = setInterval(async () => { // ok: no-overlapping-interval — guarded: a tick that comes during a write is skipped
    if (writingSnapshot) return;
    writingSnapshot = true;
    try {
      await writeFile(path.join(config.dataDir, 'metrics.json'), JSON.stringify(snapshotCounters()));
    } finally {
      writingSnapshot = false;
    }
  }, 10_000);

  const beat = setInterval(() => { // ok: no-overlapping-interval — synchronous: over before the next tick
    incrementCounter('heartbeats_total');
  }, 1_000);

  return () => {
    clearInterval(warming);
    clearInterval(snapshots);
    clearInterval(beat);
  };
}

/** Ships the counters to a collector; `start` keeps the handle on the instance. */
export class MetricsShipper {
  #timer: NodeJS.Timeout | undefined;
  readonly #endpoint: string;

  constructor(endpoint: string) {
    this.#endpoint = endpoint;
  }

  start(everyMs: number): void {
    this.#timer = setInterval(this.ship.bind(this), everyMs); // expect: no-overlapping-interval — a slow collector gets a new request every tick
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async ship(): Promise<void> {
    const response = await fetch(this.#endpoint, { method: 'POST', body: JSON.stringify(snapshotCounters()) });
    if (!response.ok) log.warn('metrics not shipped', { status: response.status });
  }
}
