import rule from '../../src/rules/no-overlapping-interval.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-overlapping-interval', rule, {
  valid: [
    // A synchronous callback finishes before the next tick can fire.
    `
      let ticks = 0;
      setInterval(() => {
        ticks++;
      }, 1000);
    `,
    // Async, but it never awaits and returns no promise: each run is over when the call returns.
    `
      setInterval(async () => {
        console.log('tick');
      }, 1000);
    `,
    // Fire and forget on purpose: the callback itself returns nothing and awaits nothing.
    `
      declare function refreshCache(): Promise<void>;
      setInterval(() => {
        void refreshCache();
      }, 1000);
    `,
    // The awaits are inside a nested callback, not in the timer's callback.
    `
      declare function save(id: string): Promise<void>;
      declare const ids: string[];
      setInterval(() => {
        ids.forEach(async (id) => {
          await save(id);
        });
      }, 1000);
    `,
    // Guarded: returns early while a run is in flight; the flag is set before the first await and cleared in finally.
    `
      declare function refreshCache(): Promise<void>;
      let running = false;
      setInterval(async () => {
        if (running) return;
        running = true;
        try {
          await refreshCache();
        } finally {
          running = false;
        }
      }, 1000);
    `,
    // Guarded with a \`this.busy\` property.
    `
      export class Poller {
        private busy = false;
        start(): void {
          setInterval(async () => {
            if (this.busy) return;
            this.busy = true;
            try {
              await fetch('http://localhost/health');
            } finally {
              this.busy = false;
            }
          }, 1000);
        }
      }
    `,
    // Guarded, the flag cleared after the work without finally (a failed run stops the job, but never overlaps).
    `
      declare function refreshCache(): Promise<void>;
      let busy = false;
      setInterval(async () => {
        if (busy) return;
        busy = true;
        await refreshCache();
        busy = false;
      }, 1000);
    `,
    // A pending-promise guard: the next tick returns while the previous run's promise is pending.
    `
      export class Flusher {
        private pending: Promise<void> | undefined;
        start(): void {
          setInterval(async () => {
            if (this.pending) return;
            this.pending = this.write().finally(() => {
              this.pending = undefined;
            });
            await this.pending;
          }, 1000);
        }
        private async write(): Promise<void> {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    `,
    // A pending promise assigned with ??=: later ticks get the same run.
    `
      declare function write(): Promise<void>;
      let pending: Promise<void> | undefined;
      setInterval(() => (pending ??= write().finally(() => {
        pending = undefined;
      })), 1000);
    `,
    // The work wrapped in \`if (!running)\`.
    `
      declare function refreshCache(): Promise<void>;
      let running = false;
      setInterval(async () => {
        if (!running) {
          running = true;
          try {
            await refreshCache();
          } finally {
            running = false;
          }
        }
      }, 1000);
    `,
    // An in-flight counter.
    `
      declare function refreshCache(): Promise<void>;
      let inFlight = 0;
      setInterval(async () => {
        if (inFlight > 0) return;
        inFlight++;
        try {
          await refreshCache();
        } finally {
          inFlight--;
        }
      }, 1000);
    `,
    // Looks guarded by state another object keeps (a queue that knows it is busy): trusted.
    `
      declare const queue: { isBusy(): boolean; drain(): Promise<void> };
      setInterval(async () => {
        if (queue.isBusy()) return;
        await queue.drain();
      }, 1000);
    `,
    // Set here, cleared by a completion handler elsewhere: trusted.
    `
      export class Exporter {
        private exporting = false;
        onExported(): void {
          this.exporting = false;
        }
        start(): void {
          setInterval(async () => {
            if (this.exporting) return;
            this.exporting = true;
            await fetch('http://localhost/export', { method: 'POST' });
          }, 1000);
        }
      }
    `,
    // It awaits only plain values (a microtask each): every run is over before the next tick.
    `
      const counts = new Map<string, number>();
      setInterval(async () => {
        const count = await counts.get('orders');
        console.log(count);
      }, 1000);
    `,
    // A reference to an async function that guards itself.
    `
      declare function refreshCache(): Promise<void>;
      let pruning = false;
      async function pruneExpired(): Promise<void> {
        if (pruning) return;
        pruning = true;
        try {
          await refreshCache();
        } finally {
          pruning = false;
        }
      }
      setInterval(pruneExpired, 30_000);
    `,
    // A bound method that guards itself.
    `
      export class Flusher {
        private flushing = false;
        start(): void {
          setInterval(this.flush.bind(this), 1000);
        }
        async flush(): Promise<void> {
          if (this.flushing) return;
          this.flushing = true;
          try {
            await new Promise((resolve) => setTimeout(resolve, 10));
          } finally {
            this.flushing = false;
          }
        }
      }
    `,
    // An arrow that only hands back the promise of a method that guards itself, also behind \`.catch\`.
    `
      export class Flusher {
        private flushing = false;
        start(): void {
          setInterval(() => this.flush(), 1000);
          setInterval(() => this.flush().catch((error: unknown) => console.error(error)), 1000);
        }
        async flush(): Promise<void> {
          if (this.flushing) return;
          this.flushing = true;
          try {
            await new Promise((resolve) => setTimeout(resolve, 10));
          } finally {
            this.flushing = false;
          }
        }
      }
    `,
    // A guarded job imported from another module: the guard is read in that file.
    `
      import { refreshGuarded } from './modules/interval-jobs';
      setInterval(refreshGuarded, 60_000);
      setInterval(async () => {
        await refreshGuarded();
      }, 60_000);
    `,
    // A reference to an async function that does only synchronous work: over before the next tick.
    `
      let ticks = 0;
      async function countTick(): Promise<void> {
        ticks++;
      }
      setInterval(countTick, 1000);
    `,
    // A reference to a function that returns nothing.
    `
      function logTick(): void {
        console.log('tick');
      }
      setInterval(logTick, 1000);
    `,
    // An \`any\` callback: we cannot tell what it returns.
    `
      declare const job: any;
      setInterval(job, 1000);
    `,
    // A callback made by a wrapper (\`exclusive\`, \`throttle\`): it may well guard the function it wraps.
    `
      declare function exclusive(job: () => Promise<void>): () => Promise<void>;
      declare function refreshCache(): Promise<void>;
      setInterval(exclusive(refreshCache), 1000);
    `,
    // setTimeout runs once: nothing can overlap.
    `
      declare function refreshCache(): Promise<void>;
      setTimeout(async () => {
        await refreshCache();
      }, 1000);
    `,
    // clearInterval alone.
    `
      declare const timer: NodeJS.Timeout;
      clearInterval(timer);
    `,
    // A program function named setInterval is not the timer.
    `
      export {};
      declare function refreshCache(): Promise<void>;
      function setInterval(job: () => Promise<void>, ms: number): void {
        void job;
        void ms;
      }
      setInterval(async () => {
        await refreshCache();
      }, 1000);
    `,
    // A scheduler object of the program with a setInterval method (it may well wait for each run).
    `
      declare function refreshCache(): Promise<void>;
      const scheduler = {
        setInterval(job: () => Promise<void>, ms: number): void {
          void job;
          void ms;
        },
      };
      scheduler.setInterval(async () => {
        await refreshCache();
      }, 1000);
    `,
    // node:timers/promises' setInterval is an async iterator: each iteration waits for the loop body.
    `
      import { setInterval as ticks } from 'node:timers/promises';
      declare function refreshCache(): Promise<void>;
      export async function poll(): Promise<void> {
        for await (const _ of ticks(1000)) {
          await refreshCache();
        }
      }
    `,
    // A string handler (DOM): no function to judge.
    `
      export {};
      window.setInterval('console.log(1)', 1000);
    `,
  ],
  invalid: [
    {
      name: 'an async arrow that awaits, handle thrown away: both suggestions',
      code: `
        declare function refreshCache(): Promise<void>;
        setInterval(async () => {
          await refreshCache();
        }, 5_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function refreshCache(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await refreshCache();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 5_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 5_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function refreshCache(): Promise<void>;
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await refreshCache();
            } finally {
              running = false;
            }
          })();
        }, 5_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an async function expression',
      code: `
        declare function syncOrders(): Promise<number>;
        setInterval(async function () {
          const count = await syncOrders();
          console.log('synced', count);
        }, 60_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function syncOrders(): Promise<number>;
        const tick = async () => {
          const started = Date.now();
          try {
            const count = await syncOrders();
            console.log('synced', count);
          } finally {
            setTimeout(() => void tick(), Math.max(0, 60_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 60_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function syncOrders(): Promise<number>;
        let running = false;
        setInterval(function () {
          if (running) return;
          running = true;
          void (async () => {
            try {
              const count = await syncOrders();
              console.log('synced', count);
            } finally {
              running = false;
            }
          })();
        }, 60_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an arrow whose concise body returns a promise: reported at the promise',
      code: `
        declare function refreshCache(): Promise<void>;
        setInterval(() => refreshCache(), 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function refreshCache(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await refreshCache();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function refreshCache(): Promise<void>;
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await refreshCache();
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      // Found by the fuzz tests: the guard replaced the body inside its parentheses, \`() => ({ if … })\`.
      name: 'a parenthesized concise body: the guard replaces the parentheses with the body',
      code: `
        declare function refreshCache(): Promise<void>;
        setInterval(async () => (await refreshCache()), 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function refreshCache(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await refreshCache();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function refreshCache(): Promise<void>;
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await refreshCache();
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a block body that returns a promise',
      code: `
        declare function flushMetrics(): Promise<void>;
        setInterval(() => {
          console.log('flushing');
          return flushMetrics();
        }, 10_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function flushMetrics(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            console.log('flushing');
            return await flushMetrics();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 10_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 10_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function flushMetrics(): Promise<void>;
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              console.log('flushing');
              return await flushMetrics();
            } finally {
              running = false;
            }
          })();
        }, 10_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a reference to an async function of the file',
      code: `
        const sessions = new Map<string, number>();
        async function pruneExpired(): Promise<void> {
          for (const [id, expiresAt] of sessions) {
            if (expiresAt < Date.now()) sessions.delete(id);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        }
        setInterval(pruneExpired, 30_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        const sessions = new Map<string, number>();
        async function pruneExpired(): Promise<void> {
          for (const [id, expiresAt] of sessions) {
            if (expiresAt < Date.now()) sessions.delete(id);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        }
        const tick = async () => {
          const started = Date.now();
          try {
            await pruneExpired();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 30_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 30_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'pruneExpiredRunning' },
              output: `
        const sessions = new Map<string, number>();
        async function pruneExpired(): Promise<void> {
          for (const [id, expiresAt] of sessions) {
            if (expiresAt < Date.now()) sessions.delete(id);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        }
        let pruneExpiredRunning = false;
        setInterval(() => {
          if (pruneExpiredRunning) return;
          pruneExpiredRunning = true;
          void (async () => {
            try {
              await pruneExpired();
            } finally {
              pruneExpiredRunning = false;
            }
          })();
        }, 30_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a non-async function that returns a promise',
      code: `
        declare const db: { deleteExpired(): Promise<number> };
        function pruneExpired() {
          return db.deleteExpired();
        }
        setInterval(pruneExpired, 30_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare const db: { deleteExpired(): Promise<number> };
        function pruneExpired() {
          return db.deleteExpired();
        }
        const tick = async () => {
          const started = Date.now();
          try {
            await pruneExpired();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 30_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 30_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'pruneExpiredRunning' },
              output: `
        declare const db: { deleteExpired(): Promise<number> };
        function pruneExpired() {
          return db.deleteExpired();
        }
        let pruneExpiredRunning = false;
        setInterval(() => {
          if (pruneExpiredRunning) return;
          pruneExpiredRunning = true;
          void (async () => {
            try {
              await pruneExpired();
            } finally {
              pruneExpiredRunning = false;
            }
          })();
        }, 30_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a bound method stored in a property: only the guard (the handle would change every run)',
      code: `
        export class MetricsFlusher {
          private timer: NodeJS.Timeout | undefined;
          start(): void {
            this.timer = setInterval(this.flush.bind(this), 1000);
          }
          stop(): void {
            clearInterval(this.timer);
          }
          async flush(): Promise<void> {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'flushRunning' },
              output: `
        export class MetricsFlusher {
          private timer: NodeJS.Timeout | undefined;
          start(): void {
            let flushRunning = false;
            this.timer = setInterval(() => {
              if (flushRunning) return;
              flushRunning = true;
              void (async () => {
                try {
                  await this.flush();
                } finally {
                  flushRunning = false;
                }
              })();
            }, 1000);
          }
          stop(): void {
            clearInterval(this.timer);
          }
          async flush(): Promise<void> {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an arrow calling an unguarded method',
      code: `
        export class Poller {
          start(): void {
            setInterval(() => this.poll(), 1000);
          }
          async poll(): Promise<void> {
            await fetch('http://localhost/health');
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        export class Poller {
          start(): void {
            const tick = async () => {
              const started = Date.now();
              try {
                await this.poll();
              } finally {
                setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
              }
            };
            setTimeout(() => void tick(), 1000);
          }
          async poll(): Promise<void> {
            await fetch('http://localhost/health');
          }
        }
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        export class Poller {
          start(): void {
            let running = false;
            setInterval(() => {
              if (running) return;
              running = true;
              void (async () => {
                try {
                  await this.poll();
                } finally {
                  running = false;
                }
              })();
            }, 1000);
          }
          async poll(): Promise<void> {
            await fetch('http://localhost/health');
          }
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a handle kept in a const: refresh() keeps it, clearInterval still stops it',
      code: `
        declare function poll(): Promise<number>;
        const timer = setInterval(async () => {
          const pending = await poll();
          if (pending === 0) return;
          console.log(pending);
        }, 2000);
        process.once('SIGTERM', () => clearInterval(timer));
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'refreshTimeoutWhenDone',
              data: { handle: 'timer' },
              output: `
        declare function poll(): Promise<number>;
        const tick = async () => {
          try {
            const pending = await poll();
            if (pending === 0) return;
            console.log(pending);
          } finally {
            timer.refresh();
          }
        };
        const timer = setTimeout(() => void tick(), 2000);
        process.once('SIGTERM', () => clearInterval(timer));
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function poll(): Promise<number>;
        let running = false;
        const timer = setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              const pending = await poll();
              if (pending === 0) return;
              console.log(pending);
            } finally {
              running = false;
            }
          })();
        }, 2000);
        process.once('SIGTERM', () => clearInterval(timer));
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a const handle with a type annotation keeps it',
      code: `
        declare function poll(): Promise<void>;
        const poller: NodeJS.Timeout = setInterval(() => poll(), 2000);
        export function stopPolling(): void {
          clearInterval(poller);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'refreshTimeoutWhenDone',
              data: { handle: 'poller' },
              output: `
        declare function poll(): Promise<void>;
        const tick = async () => {
          try {
            await poll();
          } finally {
            poller.refresh();
          }
        };
        const poller: NodeJS.Timeout = setTimeout(() => void tick(), 2000);
        export function stopPolling(): void {
          clearInterval(poller);
        }
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function poll(): Promise<void>;
        let running = false;
        const poller: NodeJS.Timeout = setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await poll();
            } finally {
              running = false;
            }
          })();
        }, 2000);
        export function stopPolling(): void {
          clearInterval(poller);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'setInterval(...).unref(): the loop unrefs every timeout, and a changing delay is read once',
      code: `
        declare function refreshCache(): Promise<void>;
        declare const config: { refreshMs: number };
        setInterval(() => refreshCache(), config.refreshMs).unref();
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function refreshCache(): Promise<void>;
        declare const config: { refreshMs: number };
        const intervalMs = config.refreshMs;
        const tick = async () => {
          const started = Date.now();
          try {
            await refreshCache();
          } finally {
            setTimeout(() => void tick(), Math.max(0, intervalMs - (Date.now() - started))).unref();
          }
        };
        setTimeout(() => void tick(), intervalMs).unref();
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function refreshCache(): Promise<void>;
        declare const config: { refreshMs: number };
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await refreshCache();
            } finally {
              running = false;
            }
          })();
        }, config.refreshMs).unref();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an import of node:timers under another name',
      code: `
        import { setInterval as every } from 'node:timers';
        declare function heartbeat(): Promise<void>;
        every(async () => {
          await heartbeat();
        }, 15_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        import { setInterval as every } from 'node:timers';
        declare function heartbeat(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await heartbeat();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 15_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 15_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        import { setInterval as every } from 'node:timers';
        declare function heartbeat(): Promise<void>;
        let running = false;
        every(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await heartbeat();
            } finally {
              running = false;
            }
          })();
        }, 15_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a namespace import of timers',
      code: `
        import * as timers from 'timers';
        declare function heartbeat(): Promise<void>;
        timers.setInterval(async () => {
          await heartbeat();
        }, 15_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        import * as timers from 'timers';
        declare function heartbeat(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await heartbeat();
          } finally {
            timers.setTimeout(() => void tick(), Math.max(0, 15_000 - (Date.now() - started)));
          }
        };
        timers.setTimeout(() => void tick(), 15_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        import * as timers from 'timers';
        declare function heartbeat(): Promise<void>;
        let running = false;
        timers.setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await heartbeat();
            } finally {
              running = false;
            }
          })();
        }, 15_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'window.setInterval',
      code: `
        export {};
        window.setInterval(async () => {
          const response = await fetch('/api/notifications');
          console.log(response.status);
        }, 30_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        export {};
        const tick = async () => {
          const started = Date.now();
          try {
            const response = await fetch('/api/notifications');
            console.log(response.status);
          } finally {
            window.setTimeout(() => void tick(), Math.max(0, 30_000 - (Date.now() - started)));
          }
        };
        window.setTimeout(() => void tick(), 30_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        export {};
        let running = false;
        window.setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              const response = await fetch('/api/notifications');
              console.log(response.status);
            } finally {
              running = false;
            }
          })();
        }, 30_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'globalThis.setInterval',
      code: `
        declare function heartbeat(): Promise<void>;
        globalThis.setInterval(async () => {
          await heartbeat();
        }, 15_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function heartbeat(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await heartbeat();
          } finally {
            globalThis.setTimeout(() => void tick(), Math.max(0, 15_000 - (Date.now() - started)));
          }
        };
        globalThis.setTimeout(() => void tick(), 15_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function heartbeat(): Promise<void>;
        let running = false;
        globalThis.setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await heartbeat();
            } finally {
              running = false;
            }
          })();
        }, 15_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a flag set only after the first await: two runs may both pass the test',
      code: `
        declare function prepare(): Promise<void>;
        declare function work(): Promise<void>;
        let running = false;
        setInterval(async () => {
          if (running) return;
          await prepare();
          running = true;
          try {
            await work();
          } finally {
            running = false;
          }
        }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function prepare(): Promise<void>;
        declare function work(): Promise<void>;
        let running = false;
        const tick = async () => {
          const started = Date.now();
          try {
            if (running) return;
            await prepare();
            running = true;
            try {
              await work();
            } finally {
              running = false;
            }
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running2' },
              output: `
        declare function prepare(): Promise<void>;
        declare function work(): Promise<void>;
        let running = false;
        let running2 = false;
        setInterval(() => {
          if (running2) return;
          running2 = true;
          void (async () => {
            try {
              if (running) return;
              await prepare();
              running = true;
              try {
                await work();
              } finally {
                running = false;
              }
            } finally {
              running2 = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a flag declared inside the callback starts fresh on every run',
      code: `
        declare function work(): Promise<void>;
        setInterval(async () => {
          let running = false;
          if (running) return;
          running = true;
          try {
            await work();
          } finally {
            running = false;
          }
        }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function work(): Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            let running = false;
            if (running) return;
            running = true;
            try {
              await work();
            } finally {
              running = false;
            }
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running2' },
              output: `
        declare function work(): Promise<void>;
        let running2 = false;
        setInterval(() => {
          if (running2) return;
          running2 = true;
          void (async () => {
            try {
              let running = false;
              if (running) return;
              running = true;
              try {
                await work();
              } finally {
                running = false;
              }
            } finally {
              running2 = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'the flag tested is not the flag set',
      code: `
        declare function work(): Promise<void>;
        let running = false;
        let started = false;
        setInterval(async () => {
          if (running) return;
          started = true;
          try {
            await work();
          } finally {
            running = false;
          }
          console.log(started);
        }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function work(): Promise<void>;
        let running = false;
        let started = false;
        const tick = async () => {
          const started2 = Date.now();
          try {
            if (running) return;
            started = true;
            try {
              await work();
            } finally {
              running = false;
            }
            console.log(started);
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started2)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running2' },
              output: `
        declare function work(): Promise<void>;
        let running = false;
        let started = false;
        let running2 = false;
        setInterval(() => {
          if (running2) return;
          running2 = true;
          void (async () => {
            try {
              if (running) return;
              started = true;
              try {
                await work();
              } finally {
                running = false;
              }
              console.log(started);
            } finally {
              running2 = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a parameter typed as returning a promise, with a delay read once',
      code: `
        export function every(job: () => Promise<void>, ms: number): void {
          setInterval(job, ms);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        export function every(job: () => Promise<void>, ms: number): void {
          const intervalMs = ms;
          const tick = async () => {
            const started = Date.now();
            try {
              await job();
            } finally {
              setTimeout(() => void tick(), Math.max(0, intervalMs - (Date.now() - started)));
            }
          };
          setTimeout(() => void tick(), intervalMs);
        }
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'jobRunning' },
              output: `
        export function every(job: () => Promise<void>, ms: number): void {
          let jobRunning = false;
          setInterval(() => {
            if (jobRunning) return;
            jobRunning = true;
            void (async () => {
              try {
                await job();
              } finally {
                jobRunning = false;
              }
            })();
          }, ms);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a hook typed void | Promise<void> may return a promise',
      code: `
        declare const onTick: () => void | Promise<void>;
        setInterval(onTick, 500);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare const onTick: () => void | Promise<void>;
        const tick = async () => {
          const started = Date.now();
          try {
            await onTick();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 500 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 500);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'onTickRunning' },
              output: `
        declare const onTick: () => void | Promise<void>;
        let onTickRunning = false;
        setInterval(() => {
          if (onTickRunning) return;
          onTickRunning = true;
          void (async () => {
            try {
              await onTick();
            } finally {
              onTickRunning = false;
            }
          })();
        }, 500);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an unguarded job imported from another module',
      code: `
        import { refreshRates } from './modules/interval-jobs';
        setInterval(refreshRates, 60_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        import { refreshRates } from './modules/interval-jobs';
        const tick = async () => {
          const started = Date.now();
          try {
            await refreshRates();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 60_000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 60_000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'refreshRatesRunning' },
              output: `
        import { refreshRates } from './modules/interval-jobs';
        let refreshRatesRunning = false;
        setInterval(() => {
          if (refreshRatesRunning) return;
          refreshRatesRunning = true;
          void (async () => {
            try {
              await refreshRates();
            } finally {
              refreshRatesRunning = false;
            }
          })();
        }, 60_000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'inside an if without braces: the guard flag goes before the if, no loop',
      code: `
        declare function work(): Promise<void>;
        declare const enabled: boolean;
        if (enabled) setInterval(async () => { await work(); }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function work(): Promise<void>;
        declare const enabled: boolean;
        let running = false;
        if (enabled) setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await work();
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a class field initialiser: reported without suggestions',
      code: `
        declare function work(): Promise<void>;
        export class Job {
          private readonly timer = setInterval(async () => {
            await work();
          }, 1000);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a function expression that uses its own this: only the guard',
      code: `
        declare function work(): Promise<void>;
        setInterval(async function (this: unknown) {
          await work();
          console.log(this);
        }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function work(): Promise<void>;
        let running = false;
        setInterval(function (this: unknown) {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await work();
              console.log(this);
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'extra arguments for the callback: only the guard, parameters kept',
      code: `
        declare function work(region: string): Promise<void>;
        setInterval(async (region: string) => {
          await work(region);
        }, 1000, 'eu');
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function work(region: string): Promise<void>;
        let running = false;
        setInterval((region: string) => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await work(region);
            } finally {
              running = false;
            }
          })();
        }, 1000, 'eu');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a for await loop in the callback',
      code: `
        declare const events: AsyncIterable<string>;
        setInterval(async () => {
          for await (const event of events) console.log(event);
        }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare const events: AsyncIterable<string>;
        const tick = async () => {
          const started = Date.now();
          try {
            for await (const event of events) console.log(event);
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare const events: AsyncIterable<string>;
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              for await (const event of events) console.log(event);
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a Promise return type goes when the guard makes the callback synchronous',
      code: `
        declare function count(): Promise<number>;
        setInterval((): Promise<number> => count(), 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function count(): Promise<number>;
        const tick = async () => {
          const started = Date.now();
          try {
            await count();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function count(): Promise<number>;
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await count();
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a guarded call followed by unguarded work',
      code: `
        declare function report(): Promise<void>;
        let flushing = false;
        async function flush(): Promise<void> {
          if (flushing) return;
          flushing = true;
          try {
            await new Promise((resolve) => setTimeout(resolve, 1));
          } finally {
            flushing = false;
          }
        }
        setInterval(async () => {
          await flush();
          await report();
        }, 1000);
      `,
      output: null,
      errors: [
        {
          messageId: 'overlappingInterval',
          line: 13,
          column: 21,
          endLine: 13,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSelfSchedulingTimeout',
              output: `
        declare function report(): Promise<void>;
        let flushing = false;
        async function flush(): Promise<void> {
          if (flushing) return;
          flushing = true;
          try {
            await new Promise((resolve) => setTimeout(resolve, 1));
          } finally {
            flushing = false;
          }
        }
        const tick = async () => {
          const started = Date.now();
          try {
            await flush();
            await report();
          } finally {
            setTimeout(() => void tick(), Math.max(0, 1000 - (Date.now() - started)));
          }
        };
        setTimeout(() => void tick(), 1000);
      `,
            },
            {
              messageId: 'addInFlightGuard',
              data: { flag: 'running' },
              output: `
        declare function report(): Promise<void>;
        let flushing = false;
        async function flush(): Promise<void> {
          if (flushing) return;
          flushing = true;
          try {
            await new Promise((resolve) => setTimeout(resolve, 1));
          } finally {
            flushing = false;
          }
        }
        let running = false;
        setInterval(() => {
          if (running) return;
          running = true;
          void (async () => {
            try {
              await flush();
              await report();
            } finally {
              running = false;
            }
          })();
        }, 1000);
      `,
            },
          ],
        },
      ],
    },
  ],
});
