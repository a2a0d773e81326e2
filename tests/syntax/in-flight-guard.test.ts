import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findInFlightGuard } from '../../src/syntax/in-flight-guard.js';

/** The guard of the function the last statement of `code` declares (a `const`'s initialiser, a class's last method). */
function guardOf(code: string): ReturnType<typeof findInFlightGuard> {
  const sourceFile = ts.createSourceFile('case.ts', code, ts.ScriptTarget.ES2022, true);
  const last = sourceFile.statements.at(-1);
  let target: ts.Node | undefined = last;
  if (last !== undefined && ts.isVariableStatement(last)) target = last.declarationList.declarations[0]?.initializer;
  if (last !== undefined && ts.isClassDeclaration(last)) target = last.members.at(-1);
  if (target === undefined || !isFunctionLike(target)) throw new Error('the last statement declares no function');
  return findInFlightGuard(target);
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

describe('findInFlightGuard: verified guards', () => {
  it('a flag tested, set before the first await and cleared in finally', () => {
    expect(
      guardOf(`
let running = false;
const tick = async () => {
  if (running) return;
  running = true;
  try {
    await work();
  } finally {
    running = false;
  }
};`),
    ).toEqual({ kind: 'verified', flag: 'running' });
  });

  it('a this.busy property in a method', () => {
    expect(
      guardOf(`
class Poller {
  busy = false;
  async poll() {
    if (this.busy) {
      log('skipped');
      return;
    }
    this.busy = true;
    try {
      await work();
    } finally {
      this.busy = false;
    }
  }
}`),
    ).toEqual({ kind: 'verified', flag: 'this.busy' });
  });

  it('a private #field, set as the first statement of the try block', () => {
    expect(
      guardOf(`
class Poller {
  #syncing = false;
  async sync() {
    if (this.#syncing) return;
    try {
      this.#syncing = true;
      await work();
    } finally {
      this.#syncing = false;
    }
  }
}`),
    ).toEqual({ kind: 'verified', flag: 'this.#syncing' });
  });

  it('a flag cleared after the work, without finally', () => {
    expect(
      guardOf(`
let busy = false;
const tick = async () => {
  if (busy) return;
  busy = true;
  await work();
  busy = false;
};`),
    ).toEqual({ kind: 'verified', flag: 'busy' });
  });

  it('a pending-promise guard cleared in .finally', () => {
    expect(
      guardOf(`
class Flusher {
  pending: Promise<void> | undefined;
  flush() {
    if (this.pending) return this.pending;
    this.pending = write().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }
}`),
    ).toEqual({ kind: 'verified', flag: 'this.pending' });
  });

  it('a pending promise assigned with ??= and returned', () => {
    expect(
      guardOf(`
let pending: Promise<void> | undefined;
const tick = () => (pending ??= write().finally(() => { pending = undefined; }));`),
    ).toEqual({ kind: 'verified', flag: 'pending' });
  });

  it('the work wrapped in if (!running)', () => {
    expect(
      guardOf(`
let running = false;
const tick = async () => {
  if (!running) {
    running = true;
    try {
      await work();
    } finally {
      running = false;
    }
  }
};`),
    ).toEqual({ kind: 'verified', flag: 'running' });
  });

  it('an in-flight counter', () => {
    expect(
      guardOf(`
let inFlight = 0;
const tick = async () => {
  if (inFlight > 0) return;
  inFlight++;
  try {
    await work();
  } finally {
    inFlight--;
  }
};`),
    ).toEqual({ kind: 'verified', flag: 'inFlight' });
  });

  it('a state string', () => {
    expect(
      guardOf(`
const job = { state: 'idle' };
const tick = async () => {
  if (job.state === 'running') return;
  job.state = 'running';
  try {
    await work();
  } finally {
    job.state = 'idle';
  }
};`),
    ).toEqual({ kind: 'verified', flag: 'job.state' });
  });

  it('a flag among other early exits, after synchronous statements', () => {
    expect(
      guardOf(`
let stopped = false;
let running = false;
const tick = async () => {
  const now = Date.now();
  if (stopped) return;
  if (running === true || now < 0) return;
  running = true;
  try {
    await work(now);
  } finally {
    running = false;
  }
};`),
    ).toEqual({ kind: 'verified', flag: 'running' });
  });
});

describe('findInFlightGuard: trusted without seeing the writes', () => {
  it('an early return on a busy test of another object', () => {
    expect(
      guardOf(`
const tick = async () => {
  if (queue.isBusy()) return;
  await queue.run();
};`),
    ).toEqual({ kind: 'looks-guarded', flag: 'queue.isBusy' });
  });

  it('an early return on a lock the function does not write', () => {
    expect(
      guardOf(`
const tick = async () => {
  if (lock.locked) return;
  await lock.runExclusive(work);
};`),
    ).toEqual({ kind: 'looks-guarded', flag: 'lock.locked' });
  });

  it('a flag set here and cleared elsewhere (a completion handler)', () => {
    expect(
      guardOf(`
class Worker {
  running = false;
  onDone() {
    this.running = false;
  }
  async tick() {
    if (this.running) return;
    this.running = true;
    await send();
  }
}`),
    ).toEqual({ kind: 'looks-guarded', flag: 'this.running' });
  });
});

describe('findInFlightGuard: not guards', () => {
  it('no early return at all', () => {
    expect(guardOf('const tick = async () => { await work(); };')).toBeUndefined();
  });

  it('the flag is set only after the first await: two runs can both pass the test', () => {
    expect(
      guardOf(`
let running = false;
const tick = async () => {
  if (running) return;
  await prepare();
  running = true;
  try {
    await work();
  } finally {
    running = false;
  }
};`),
    ).toBeUndefined();
  });

  it('the test comes after an await', () => {
    expect(
      guardOf(`
let running = false;
const tick = async () => {
  await prepare();
  if (running) return;
  running = true;
  try { await work(); } finally { running = false; }
};`),
    ).toBeUndefined();
  });

  it('the flag is a local variable: every run starts with a fresh one', () => {
    expect(
      guardOf(`
const tick = async () => {
  let running = false;
  if (running) return;
  running = true;
  try { await work(); } finally { running = false; }
};`),
    ).toBeUndefined();
  });

  it('a different flag is set than the one tested', () => {
    expect(
      guardOf(`
let running = false;
let started = false;
const tick = async () => {
  if (running) return;
  started = true;
  try { await work(); } finally { running = false; }
};`),
    ).toBeUndefined();
  });

  it('an early return when stopped, with a name that says nothing about a run in flight', () => {
    expect(
      guardOf(`
const tick = async () => {
  if (shuttingDown) return;
  await work();
};`),
    ).toBeUndefined();
  });

  it('an early return on an idle test is no guard', () => {
    expect(
      guardOf(`
let running = false;
const tick = async () => {
  if (!running) return;
  await work();
};`),
    ).toBeUndefined();
  });

  it('the test itself awaits', () => {
    expect(
      guardOf(`
let running = false;
const tick = async () => {
  if (await isRunning()) return;
  running = true;
  try { await work(); } finally { running = false; }
};`),
    ).toBeUndefined();
  });

  it('a declaration without a body', () => {
    expect(guardOf('declare function tick(): Promise<void>;')).toBeUndefined();
  });
});
