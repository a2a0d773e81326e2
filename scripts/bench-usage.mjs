// Preloaded into each benchmarked ESLint process (`node --import`): on exit it
// writes the process's own CPU time and peak memory to $BENCH_USAGE_FILE, so
// the figures are the linting process's, not the benchmark's.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }),
    );
  });
}
