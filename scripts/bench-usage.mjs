// Preloaded into each benchmarked ESLint process (`node --import`): on exit it
// writes the process's own CPU time and peak memory to $BENCH_USAGE_FILE, so
// the figures are the linting process's, not the benchmark's. Worker threads
// (ESLint's --concurrency) share the process: its resourceUsage() counts their
// CPU time too, and its peak RSS is theirs together; only the main thread writes.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.BENCH_USAGE_FILE;
if (target && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }),
    );
  });
}
