import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rules } from '../src/rules/index.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(repoDir, 'examples');
const tscPath = path.join(repoDir, 'node_modules', 'typescript', 'bin', 'tsc');
const SLOW = 180_000;

type MarkerKind = 'expect' | 'known-bug' | 'ok';

interface Marker {
  readonly kind: MarkerKind;
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly message: string;
}

interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `// expect: rule-a, rule-b — why`; rule ids always have a hyphen, which keeps `ok: true` out. */
const MARKER = /\b(expect|ok|known-bug):\s*([a-z]+(?:-[a-z]+)+(?:\s*,\s*[a-z]+(?:-[a-z]+)+)*)/gu;
/** A line comment: `//` at the start or after whitespace (so not the one in `http://`). */
const LINE_COMMENT = /(?:^|\s)\/\/(.*)$/u;
const RULE_HEADING = /^async-misuse\/([a-z-]+) \(\d+ findings?\)$/u;
const FINDING_LINE = /^ {2}(\S+):(\d+):(\d+) {2}(.+)$/u;

let demo: ProcessResult;
let markers: Marker[];
let findings: Finding[];
let fixedOutDir: string;
let examplesBefore: Map<string, string>;

beforeAll(async () => {
  if (!existsSync(path.join(repoDir, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` before this test (`npm test` does).');
  }
  examplesBefore = await readTree(examplesDir);
  markers = scanMarkers(examplesBefore);
  fixedOutDir = await mkdtemp(path.join(os.tmpdir(), 'async-misuse-demo-'));
  demo = await runNode([path.join(repoDir, 'scripts', 'demo.js'), '--fixed-out', fixedOutDir]);
  findings = parseFindings(demo.stdout);
}, SLOW);

afterAll(async () => {
  await rm(fixedOutDir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('runs and exits 0', () => {
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('== Findings ==');
  });

  it('uses markers that name real rules', () => {
    expect(markers.filter((marker) => marker.kind === 'expect').length).toBeGreaterThan(0);
    expect(markers.filter((marker) => marker.kind === 'ok').length).toBeGreaterThan(0);
    const unknown = markers.filter((marker) => !(marker.ruleId in rules)).map(describeMarker);
    expect(unknown).toEqual([]);
  });

  it('reports every marked misuse with the right rule on the right line', () => {
    const missing = markers
      .filter((marker) => marker.kind === 'expect' && !hasFindingAt(marker))
      .map(describeMarker);
    expect(missing).toEqual([]);
  });

  it('stays silent on every near-miss', () => {
    const reported = markers.filter((marker) => marker.kind === 'ok' && hasFindingAt(marker)).map(describeMarker);
    expect(reported).toEqual([]);
  });

  it('reports nothing that is not marked', () => {
    const unmarked = findings
      .filter(
        (finding) =>
          !markers.some(
            (marker) =>
              marker.kind !== 'ok' &&
              marker.file === finding.file &&
              marker.line === finding.line &&
              marker.ruleId === finding.ruleId,
          ),
      )
      .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
    // A new true finding needs an `expect:` marker in examples/src; a false one is a rule bug.
    expect(unmarked).toEqual([]);
  });

  it('still shows each known bug (fixed? turn its `known-bug:` marker into `ok:`)', () => {
    const fixed = markers.filter((marker) => marker.kind === 'known-bug' && !hasFindingAt(marker)).map(describeMarker);
    expect(fixed).toEqual([]);
  });

  it('previews --fix as a diff: computeTotals loses `async`, then its callers lose `await`', () => {
    const preview = getSection(demo.stdout, 'What --fix would change');
    expect(preview).toContain('--- a/src/handlers/orders.ts\n+++ b/src/handlers/orders.ts\n');
    expect(preview).toMatch(/^-async function computeTotals\(.*\): Promise<OrderTotals> \{/mu);
    expect(preview).toMatch(/^\+function computeTotals\(.*\): OrderTotals \{/mu);
    expect(preview).toMatch(/^- {2}const totals = await computeTotals\(order\.lines, config\.taxRate\);/mu);
    expect(preview).toMatch(/^\+ {2}const totals = computeTotals\(order\.lines, config\.taxRate\);/mu);
    expect(preview).toMatch(/^\+ {2}const config = options\.config \?\? readConfig\(process\.env\);/mu);
    // An exported function keeps `async`: removing it is only a suggestion.
    expect(preview).not.toContain('a/src/util/format.ts');
  });

  it('shows no-needless-async-loop: every shape found, the fixes previewed, forEach with both rewrites', () => {
    const loopFindings = findings.filter((finding) => finding.ruleId === 'no-needless-async-loop');
    expect(loopFindings.map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      'src/jobs/exportOrders.ts:20',
      'src/jobs/exportOrders.ts:27',
      'src/jobs/exportOrders.ts:29',
      'src/jobs/exportOrders.ts:37',
      'src/jobs/exportOrders.ts:47',
    ]);
    const section = getSection(demo.stdout, 'Findings');
    expect(section).toMatch(/exportOrders\.ts:29:10 {2}`orders\.forEach` ignores .*\[2 suggestions\]/u);
    const preview = getSection(demo.stdout, 'What --fix would change');
    // The yield goes, so csvHeader no longer awaits: no-needless-async drops its `async`, no-trivial-await the `await` on it.
    expect(preview).toMatch(/^- {4}await new Promise\(\(resolve\) => setImmediate\(resolve\)\);/mu);
    expect(preview).toMatch(/^\+function csvHeader\(\): string \{/mu);
    expect(preview).toMatch(/^\+ {2}const rows = orders\.map\(\(order\) => toCsvRow\(order\)\);/mu);
    expect(preview).toMatch(/^\+ {2}for \(const order of orders\) \{/mu);
  });

  it('shows blocking calls in async code with their suggestions, which --fix never applies', () => {
    const group = getSection(demo.stdout, 'Findings').split('\n\n').find((block) => block.includes('async-misuse/no-sync-io-in-async ('));
    expect(group).toMatch(/src\/handlers\/invoices\.ts:\d+:\d+ {2}`readFileSync` blocks the event loop .* \[suggestion\]\n {6}suggestion: Await `readFile` instead/u);
    expect(getSection(demo.stdout, 'What --fix would change')).not.toContain('a/src/handlers/invoices.ts');
  });

  it('shows no-overlapping-interval with its suggestions: a loop that keeps the handle, and a guard', () => {
    const shown = getSection(demo.stdout, 'Findings');
    expect(shown).toMatch(/^ {2}src\/jobs\/maintenance\.ts:\d+:\d+ {2}The async callback returns a promise, .*\[2 suggestions\]$/mu);
    expect(shown).toContain('suggestion: Use a `setTimeout` that `warming.refresh()` re-arms when each run has finished');
    expect(shown).toMatch(/^ {2}src\/jobs\/maintenance\.ts:\d+:\d+ {2}`this\.ship` returns a promise, .*\[suggestion\]$/mu);
    expect(shown).toContain('suggestion: Skip a tick while the previous run is still in flight (a `shipRunning` flag');
  });

  it('shows no-callback-pyramid: a Node-style pyramid, and --fix chaining a `.then` and awaiting a pyramid', () => {
    const pyramidFindings = findings.filter((finding) => finding.ruleId === 'no-callback-pyramid');
    expect(pyramidFindings.map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      'src/jobs/importPrices.ts:49',
      'src/jobs/importPrices.ts:64',
      'src/jobs/importPrices.ts:78',
    ]);
    const preview = getSection(demo.stdout, 'What --fix would change');
    expect(preview).toMatch(/^\+ {6}\}\)\.then\(\(count\) => \{/mu);
    expect(preview).toMatch(/^\+ {2}const supplier = await api\.findSupplier\(name\);\n\+ {2}const text = await api\.fetchFeed\(supplier\.feedUrl\);/mu);
    expect(preview).toMatch(/^\+ {2}return count \* rows\.length;/mu);
  });

  it('prints a summary row per enabled rule that matches the findings', () => {
    const summary = getSection(demo.stdout, 'Summary');
    const ruleIds = new Set(findings.map((finding) => finding.ruleId));
    for (const ruleId of ruleIds) {
      const count = findings.filter((finding) => finding.ruleId === ruleId).length;
      expect(summary).toMatch(new RegExp(`^async-misuse/${ruleId} +${count} `, 'mu'));
    }
    expect(summary).toMatch(/^total +\d+/mu);
  });

  it('does not write to examples/', async () => {
    expect(await readTree(examplesDir)).toEqual(examplesBefore);
  });
});

describe('examples/', () => {
  it('type-checks', async () => {
    const result = await runNode([tscPath, '-p', path.join(examplesDir, 'tsconfig.json'), '--noEmit']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, SLOW);

  it('still type-checks after --fix', async () => {
    for (const file of ['package.json', 'tsconfig.json']) {
      await copyFile(path.join(examplesDir, file), path.join(fixedOutDir, file));
    }
    // Packages that ship their own types (typeorm) resolve through node_modules, not typeRoots.
    if (!existsSync(path.join(fixedOutDir, 'node_modules'))) await symlink(path.join(repoDir, 'node_modules'), path.join(fixedOutDir, 'node_modules'), 'dir');
    const result = await runNode([
      tscPath,
      '-p',
      path.join(fixedOutDir, 'tsconfig.json'),
      '--noEmit',
      // The copy lives outside the repository, away from its node_modules.
      '--typeRoots',
      path.join(repoDir, 'node_modules', '@types'),
    ]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, SLOW);
});

function hasFindingAt(marker: Marker): boolean {
  return findings.some(
    (finding) => finding.file === marker.file && finding.line === marker.line && finding.ruleId === marker.ruleId,
  );
}

function describeMarker(marker: Marker): string {
  return `${marker.file}:${marker.line} ${marker.kind}: ${marker.ruleId}`;
}

function scanMarkers(tree: ReadonlyMap<string, string>): Marker[] {
  const found: Marker[] = [];
  for (const [file, text] of tree) {
    if (!file.startsWith('src/') || !file.endsWith('.ts')) continue;
    text.split('\n').forEach((lineText, index) => {
      const comment = LINE_COMMENT.exec(lineText)?.[1];
      if (comment === undefined) return;
      for (const match of comment.matchAll(MARKER)) {
        const [, kind, ruleList] = match;
        for (const ruleId of (ruleList ?? '').split(',')) {
          found.push({ kind: kind as MarkerKind, file, line: index + 1, ruleId: ruleId.trim() });
        }
      }
    });
  }
  return found;
}

/** The demo's findings section: a heading per rule, then `  file:line:col  message` lines. */
function parseFindings(stdout: string): Finding[] {
  const parsed: Finding[] = [];
  let ruleId: string | undefined;
  for (const line of getSection(stdout, 'Findings').split('\n')) {
    const heading = RULE_HEADING.exec(line);
    if (heading !== null) {
      ruleId = heading[1];
      continue;
    }
    const finding = FINDING_LINE.exec(line);
    if (finding === null || ruleId === undefined) continue;
    const [, file = '', lineNumber = '', column = '', message = ''] = finding;
    parsed.push({ file, line: Number(lineNumber), column: Number(column), ruleId, message });
  }
  return parsed;
}

/** The text under `== <title>… ==` up to the next such heading. */
function getSection(stdout: string, title: string): string {
  const start = stdout.indexOf(`== ${title}`);
  if (start === -1) throw new Error(`The demo printed no "${title}" section:\n${stdout}`);
  const bodyStart = stdout.indexOf('\n', start) + 1;
  const end = stdout.indexOf('\n== ', bodyStart);
  return stdout.slice(bodyStart, end === -1 ? undefined : end);
}

/** Every file under `dir` by its `/`-separated path relative to `dir`. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const tree = new Map<string, string>();
  for (const file of files) tree.set(file, await readFile(path.join(dir, file), 'utf8'));
  return tree;
}

function runNode(args: readonly string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoDir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
