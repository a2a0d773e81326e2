import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** One archived invoice, as the nightly job reads it back. */
export interface ArchivedInvoice {
  readonly file: string;
  readonly text: string;
}

/** Reads every archived invoice of a month, to re-send the ones a customer asks for. */
export async function readArchive(dir: string): Promise<ArchivedInvoice[]> {
  const names = await readdir(dir);
  const invoices: ArchivedInvoice[] = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8'); // expect: prefer-concurrent-awaits — each read waits for the one before, though none needs another's text
    invoices.push({ file: name, text });
  }
  return invoices;
}

/** Sizes of the two files the archive job keeps beside the invoices. */
export async function archiveFootprint(dir: string): Promise<number> {
  const index = await stat(path.join(dir, 'index.json'));
  const manifest = await stat(path.join(dir, 'manifest.json')); // expect: prefer-concurrent-awaits — two independent stats, one after the other
  return index.size + manifest.size;
}

/** Totals the archive: a running sum carried from one file to the next. */
export async function archiveSize(dir: string, names: readonly string[]): Promise<number> {
  let total = 0;
  for (const name of names) {
    total += (await stat(path.join(dir, name))).size; // ok: prefer-concurrent-awaits — an accumulator carried across passes (a sum needs no order, but the rule does not guess)
  }
  return total;
}

/** Re-sends invoices to the mail relay, one a second, as its terms of use ask. */
export async function resend(relayUrl: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await readFile(file, 'utf8'); // ok: prefer-concurrent-awaits — the pass sleeps on purpose: the relay allows one message a second
    await sleep(1000);
  }
  console.log(`re-sent ${files.length} invoices through ${relayUrl}`);
}

/** Finds the newest archive that still has an index: later ones are not read once one is found. */
export async function newestIndexed(dirs: readonly string[]): Promise<string | undefined> {
  for (const dir of dirs) {
    const names = await readdir(dir); // ok: prefer-concurrent-awaits — the loop returns on the first match
    if (names.includes('index.json')) return dir;
  }
  return undefined;
}
