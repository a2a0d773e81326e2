import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { SAMPLE_ORDERS } from './seedOrders.js';

/** A command-line tool: writes the sample orders as JSON files, one after the other. */
function main(outDir: string): void {
  mkdirSync(outDir, { recursive: true }); // ok: no-sync-io-in-async — a synchronous CLI may block while it works
  for (const order of SAMPLE_ORDERS) {
    writeFileSync(path.join(outDir, `${order.id}.json`), JSON.stringify(order, null, 2)); // ok: no-sync-io-in-async — same: no request waits for it
  }
}

main(process.argv[2] ?? 'exported-orders');
