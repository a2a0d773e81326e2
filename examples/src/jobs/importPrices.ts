import { readFile, readdir, stat, writeFile } from 'node:fs';
import path from 'node:path';

import { Logger } from '../util/logger.js';

const log = new Logger('prices');

export interface PriceRow {
  readonly sku: string;
  readonly unitPriceCents: number;
}

export interface Supplier {
  readonly id: string;
  readonly feedUrl: string;
}

/** The supplier price API: each call needs what the one before returned. */
export interface SupplierApi {
  findSupplier(name: string): Promise<Supplier>;
  fetchFeed(url: string): Promise<string>;
  parseFeed(supplier: Supplier, text: string): Promise<readonly PriceRow[]>;
  publish(supplierId: string, rows: readonly PriceRow[]): Promise<number>;
}

function parseCsv(text: string): PriceRow[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.trim()))
    .map(([sku = '', cents = '0']) => ({ sku, unitPriceCents: Number(cents) }));
}

/**
 * The nightly import of supplier price files, written in the callback style
 * of the old cron script it replaced: every file operation waits inside the
 * callback of the one before.
 */
export function importPriceFiles(inbox: string, outbox: string, done: (error: Error | null) => void): void {
  readdir(inbox, (listError, names) => {
    if (listError) return done(listError);
    names.forEach((name) => { // ok: no-callback-pyramid — forEach runs its callback in place: no level
      const source = path.join(inbox, name);
      stat(source, (statError, stats) => {
        if (statError || !stats.isFile()) return;
        readFile(source, 'utf8', (readError, text) => {
          if (readError) return done(readError);
          const rows = parseCsv(text); // ok: no-callback-pyramid — the csv callbacks nest deep, but run in place
          writeFile(path.join(outbox, `${name}.json`), JSON.stringify(rows), (writeError) => { // expect: no-callback-pyramid — a fourth file step inside the third
            if (writeError) return done(writeError);
            log.info('prices imported', { file: name, rows: rows.length });
          });
        });
      });
    });
  });
}

/** The same supplier sync with promises, but every step started inside the handler of the one before. */
export function syncSupplier(api: SupplierApi, name: string): Promise<number> {
  return api.findSupplier(name).then((supplier) => {
    return api.fetchFeed(supplier.feedUrl).then((text) => {
      return api.parseFeed(supplier, text).then((rows) => {
        return api.publish(supplier.id, rows).then((count) => { // expect: no-callback-pyramid — four steps deep; reads nothing of the third, so --fix chains it behind
          log.info('supplier synced', { supplier: supplier.id, count });
          return count;
        });
      });
    });
  });
}

/** Refreshes one supplier's prices on demand: async, but still nesting each step in the handler of the one before. */
export async function refreshSupplier(api: SupplierApi, name: string): Promise<number> {
  return api.findSupplier(name).then((supplier) => {
    return api.fetchFeed(supplier.feedUrl).then((text) => {
      return api.parseFeed(supplier, text).then((rows) => {
        return api.publish(supplier.id, rows).then((count) => { // expect: no-callback-pyramid — in an async function: --fix turns the pyramid into await statements
          return count * rows.length;
        });
      });
    });
  });
}
