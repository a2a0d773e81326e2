// What an `await` costs, measured on the machine this runs on:
//
//   npm run bench:await
//
// 1. A loop of N iterations with and without an `await` on a plain value
//    (no-trivial-await's case), and with an awaited call of an async function
//    that does only synchronous work against the plain call (no-needless-async's
//    case): the cost per `await` in nanoseconds, and the slowdown of the loop.
// 2. A blocking `readFileSync` against `readFile` in a node:http server (its
//    own process, on loopback) serving many concurrent requests that each read
//    a file of a few hundred KB: throughput and latency (p50 / p99) of those
//    requests, and of a trivial `/ping` request sent alongside, which shows
//    how long every other request waits while the event loop is blocked.
//
// Runs in about 15 s; nothing leaves the machine. The figures depend on the
// machine and on what else runs on it: the header prints the Node version,
// the CPU and the load average.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_SIZE = 256 * 1024;
const LOOP_ITERATIONS = 2_000_000;
const LOOP_RUNS = 7;
const REQUESTS = 2_000;
const CONCURRENCY = 64;
const PING_EVERY_MS = 5;

async function main() {
  const cpus = os.cpus();
  const started = Date.now();
  console.log(
    `bench:await — node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
  );

  // The fastest run, not the median: on a shared machine the slower runs measure the neighbours.
  console.log(`\n1. A loop of ${LOOP_ITERATIONS.toLocaleString('en')} iterations, fastest of ${LOOP_RUNS} runs\n`);
  printTable(['loop body', 'total ms', 'ns / iteration', 'cost per await', 'slowdown'], await measureLoops());

  const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-await-'));
  try {
    const file = path.join(directory, 'payload.json');
    writeFileSync(file, makePayload(FILE_SIZE));
    console.log(
      `\n2. node:http server in its own process: ${REQUESTS.toLocaleString('en')} requests, ${CONCURRENCY} in flight, ` +
        `each reading a ${Math.round(FILE_SIZE / 1024)} KB file (from the page cache); a /ping every ${PING_EVERY_MS} ms alongside\n`,
    );
    const rows = [];
    for (const mode of ['readFileSync', 'readFile']) rows.push(await measureServer(file, mode));
    printTable(['handler', 'requests/s', 'request p50', 'request p99', 'ping p50', 'ping p99'], rows);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// ---- 1. the loops -------------------------------------------------------------

const lines = Array.from({ length: 64 }, (_, index) => ({ quantity: (index % 5) + 1, unitPriceCents: 100 + index }));

function lineTotal(index) {
  const line = lines[index & 63];
  return line.quantity * line.unitPriceCents;
}

async function lineTotalAsync(index) {
  const line = lines[index & 63];
  return line.quantity * line.unitPriceCents;
}

// Each loop is an async function, so the only difference is the `await` (or the async callee).
const loops = {
  async plain(n) {
    let total = 0;
    for (let index = 0; index < n; index++) total += lineTotal(index);
    return total;
  },
  async awaitValue(n) {
    let total = 0;
    for (let index = 0; index < n; index++) total += await lineTotal(index);
    return total;
  },
  async awaitAsyncCall(n) {
    let total = 0;
    for (let index = 0; index < n; index++) total += await lineTotalAsync(index);
    return total;
  },
};

async function measureLoops() {
  const fastest = {};
  for (const [name, loop] of Object.entries(loops)) {
    await loop(LOOP_ITERATIONS / 10); // warm up
    const times = [];
    for (let run = 0; run < LOOP_RUNS; run++) {
      const start = process.hrtime.bigint();
      const total = await loop(LOOP_ITERATIONS);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (total <= 0) throw new Error('the loop computed nothing');
    }
    fastest[name] = Math.min(...times);
  }
  const base = fastest.plain;
  const row = (label, name) => {
    const ms = fastest[name];
    const nsPerIteration = (ms * 1e6) / LOOP_ITERATIONS;
    const extra = name === 'plain' ? '—' : `${(((ms - base) * 1e6) / LOOP_ITERATIONS).toFixed(1)} ns`;
    return [label, ms.toFixed(1), nsPerIteration.toFixed(1), extra, `${(ms / base).toFixed(1)}×`];
  };
  return [
    row('lineTotal(i)', 'plain'),
    row('await lineTotal(i)  (a plain value)', 'awaitValue'),
    row('await lineTotalAsync(i)  (async, no await)', 'awaitAsyncCall'),
  ];
}

// ---- 2. the server --------------------------------------------------------------

function runServer(file) {
  const server = createServer((req, res) => {
    if (req.url === '/ping') {
      res.end('pong');
      return;
    }
    if (req.url === '/sync') {
      const text = readFileSync(file, 'utf8');
      res.end(String(text.length));
      return;
    }
    readFile(file, 'utf8').then(
      (text) => res.end(String(text.length)),
      (error) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: server.address().port });
  });
  process.on('disconnect', () => server.close());
}

async function measureServer(file, mode) {
  const child = fork(fileURLToPath(import.meta.url), ['--server', file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise((resolve, reject) => {
      child.once('message', (message) => resolve(message.port));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const route = mode === 'readFileSync' ? '/sync' : '/async';
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const pingAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Warm up the connections, the file cache and the JIT.
    await runLoad(port, route, agent, 200);

    const pings = [];
    let loading = true;
    const pinging = (async () => {
      while (loading) {
        const start = process.hrtime.bigint();
        await get(port, '/ping', pingAgent);
        pings.push(Number(process.hrtime.bigint() - start) / 1e6);
        await new Promise((resolve) => setTimeout(resolve, PING_EVERY_MS));
      }
    })();
    const start = process.hrtime.bigint();
    const latencies = await runLoad(port, route, agent, REQUESTS);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    loading = false;
    await pinging;
    agent.destroy();
    pingAgent.destroy();
    return [
      mode,
      Math.round(REQUESTS / seconds).toLocaleString('en'),
      `${percentile(latencies, 50).toFixed(1)} ms`,
      `${percentile(latencies, 99).toFixed(1)} ms`,
      `${percentile(pings, 50).toFixed(2)} ms`,
      `${percentile(pings, 99).toFixed(2)} ms`,
    ];
  } finally {
    child.disconnect();
    child.kill();
  }
}

/** Sends `count` requests, `CONCURRENCY` at a time; returns each one's latency in ms. */
async function runLoad(port, route, agent, count) {
  const latencies = [];
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent++;
      const start = process.hrtime.bigint();
      await get(port, route, agent);
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

function get(port, route, agent) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: route, agent }, (res) => {
      res.resume();
      res.on('end', resolve);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// ---- helpers ----------------------------------------------------------------------

/** JSON text of about `size` bytes: what a service reads as a template, a config or a cached response. */
function makePayload(size) {
  const items = [];
  let length = 2;
  for (let index = 0; length < size; index++) {
    const item = JSON.stringify({ id: index, sku: `SKU-${index}`, name: `Item number ${index}`, priceCents: index * 7 });
    items.push(item);
    length += item.length + 1;
  }
  return `[${items.join(',')}]`;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function printTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const format = (row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(format(cells[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(format(row));
}

// Last, so that every constant above is initialised before it runs.
if (process.argv[2] === '--server') {
  runServer(process.argv[3] ?? '');
} else {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
