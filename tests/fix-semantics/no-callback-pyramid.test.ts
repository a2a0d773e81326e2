/**
 * `no-callback-pyramid`'s fixes keep what a program prints: each program
 * runs a pyramid of timed steps (each logs when it starts and ends, a
 * negative value rejects), is lint-fixed with the real typed parser, and
 * both versions are type-checked and run in `node`. The fixes flatten a
 * `.then` out of the handler around it, or turn a returned or awaited
 * pyramid in an async function into `await` statements. A rejection still
 * reaches the handler it reached before; where a rejection handler sits
 * between the levels, `--fix` changes nothing and only the suggestion
 * rewrites it (proved by running that too).
 */
import { describe, expect, it } from 'vitest';

import { lintAndFix, proveFix, runTypeScript, typeCheck, type FixProof, type RuleId } from './harness.js';

const RULE: readonly RuleId[] = ['no-callback-pyramid'];

/** Timed steps that log their start and end; a negative value rejects. */
const STEPS = `
const log: string[] = [];
function step(name: string, value: number): Promise<number> {
  log.push(\`start \${name}\`);
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      log.push(\`end \${name}\`);
      if (value < 0) reject(new Error(\`\${name} failed\`));
      else resolve(value);
    }, 3);
  });
}
`;

interface FixCase {
  name: string;
  code: string;
  /** Fragments the fixed code must contain. */
  outputIncludes: readonly string[];
}

const flattenCases: readonly FixCase[] = [
  {
    name: 'the fourth handler needs nothing of the third: chained behind it',
    code: `export {};${STEPS}
function total(start: number): Promise<string> {
  return step('a', start).then((a) => {
    return step('b', a + 1).then((b) => {
      return step('c', b + 1).then((c) => {
        log.push(\`got c \${c}\`);
        return step('d', a + b + c).then((d) => \`total \${d}\`);
      });
    });
  });
}
total(1).then((result) => console.log(result, log.join(', ')));
`,
    outputIncludes: ["return step('d', a + b + c);\n      }).then((d) => `total ${d}`);"],
  },
  {
    name: 'a rejection of the moved step still reaches the same `.catch`',
    code: `export {};${STEPS}
function total(start: number): Promise<string> {
  return step('a', start).then((a) => step('b', a).then((b) => step('c', b).then((c) => step('d', -c).then((d) => \`total \${d}\`))));
}
total(1)
  .then((result) => console.log('resolved', result))
  .catch((error: unknown) => console.log('caught', String(error), log.join(', ')));
`,
    outputIncludes: ["step('c', b).then((c) => step('d', -c)).then((d) => `total ${d}`)"],
  },
  {
    name: 'below a rejection handler: what it catches stays the same',
    code: `export {};${STEPS}
function total(first: number, second: number): Promise<string> {
  return step('a', first).then((a) =>
    step('b', second).then(
      (b) => step('c', a + b).then((c) => step('d', c).then((d) => \`total \${d}\`)),
      (error: unknown) => \`b handled: \${String(error)}\`,
    ),
  );
}
async function main(): Promise<void> {
  for (const [first, second] of [[1, 1], [1, -1], [-1, 1]] as const) {
    console.log(await total(first, second).catch((error: unknown) => \`caller: \${String(error)}\`));
  }
  console.log(log.join(', '));
}
void main();
`,
    outputIncludes: ["(b) => step('c', a + b).then((c) => step('d', c)).then((d) => `total ${d}`),"],
  },
];

const awaitCases: readonly FixCase[] = [
  {
    name: 'a returned pyramid with statements between the levels',
    code: `export {};${STEPS}
async function total(start: number): Promise<string> {
  return step('a', start).then((a) => {
    log.push(\`got a \${a}\`);
    return step('b', a + 1).then((b) => {
      return step('c', a + b).then((c) => {
        return step('d', a + b + c).then((d) => \`total \${d}\`);
      });
    });
  });
}
async function main(): Promise<void> {
  console.log(await total(1), log.join(', '));
}
void main();
`,
    outputIncludes: ["const a = await step('a', start);\n  log.push(`got a ${a}`);\n  const b = await step('b', a + 1);", 'return `total ${d}`;'],
  },
  {
    name: 'an awaited pyramid that initialises a const',
    code: `export {};${STEPS}
async function main(): Promise<void> {
  const total = await step('a', 1).then((a) => step('b', a).then((b) => step('c', b).then((c) => step('d', c).then((d) => a + b + c + d))));
  console.log('total', total, log.join(', '));
}
void main();
`,
    outputIncludes: ["const d = await step('d', c);\n  const total = a + b + c + d;"],
  },
  {
    name: 'an awaited pyramid as a statement, whose last handler returns a promise',
    code: `export {};${STEPS}
async function main(): Promise<void> {
  await step('a', 1).then((a) => step('b', a).then((b) => step('c', b).then((c) => step('d', c).then((d) => step('e', d + a)))));
  console.log('done', log.join(', '));
}
void main();
`,
    outputIncludes: ["await step('e', d + a);\n  console.log('done'"],
  },
  {
    name: 'an early return in a handler, both ways',
    code: `export {};${STEPS}
async function total(start: number): Promise<number> {
  return step('a', start).then((a) => {
    if (a > 10) return a;
    return step('b', a).then((b) => step('c', b).then((c) => step('d', c).then((d) => d * 2)));
  });
}
async function main(): Promise<void> {
  console.log(await total(1), await total(20), log.join(', '));
}
void main();
`,
    outputIncludes: ["const a = await step('a', start);\n  if (a > 10) return a;\n  const b = await step('b', a);"],
  },
  {
    name: 'a rejection in the third step still reaches the caller’s catch, and the later steps never start',
    code: `export {};${STEPS}
async function total(start: number): Promise<number> {
  return step('a', start).then((a) => step('b', a).then((b) => step('c', -b).then((c) => step('d', c).then((d) => d))));
}
async function main(): Promise<void> {
  try {
    console.log('resolved', await total(1));
  } catch (error) {
    console.log('caught', String(error), log.join(', '));
  }
}
void main();
`,
    outputIncludes: ["const c = await step('c', -b);"],
  },
];

describe.each([
  ['a `.then` nested in a `.then` handler: flattened', flattenCases],
  ['a returned or awaited `.then` pyramid in an async function: `await` statements', awaitCases],
] as const)('%s', (_title, cases) => {
  it.each(cases)('$name', async (fixCase) => {
    const proof = await proveFix(fixCase.code, { rules: RULE });
    expect(proof.output, 'the fix changed nothing').not.toBe(proof.input);
    expect(proof.before.filter((message) => message.fix !== undefined).length).toBeGreaterThan(0);
    expect(proof.after).toEqual([]);
    for (const fragment of fixCase.outputIncludes) expect(proof.output).toContain(fragment);
    expectSameTypesAndOutput(proof);
  });
});

describe('a rejection handler between the levels: no fix, a suggestion', () => {
  const code = `export {};${STEPS}
async function total(first: number, second: number, third: number): Promise<string> {
  return step('a', first).then((a) =>
    step('b', second * a).then(
      (b) => step('c', third).then((c) => step('d', b + c).then((d) => \`total \${d + c}\`)),
      (error: unknown) => \`b handled: \${String(error)}\`,
    ),
  );
}
async function main(): Promise<void> {
  console.log(await total(1, 1, 2));
  console.log(await total(-1, 1, 2).catch((error: unknown) => \`caller: \${String(error)}\`));
  console.log(await total(1, -1, 2).catch((error: unknown) => \`caller: \${String(error)}\`));
  console.log(await total(1, 1, -2).catch((error: unknown) => \`caller: \${String(error)}\`));
  console.log(log.join(', '));
}
void main();
`;

  // The last handler reads the third's \`c\`: no flattening either, so --fix has nothing to apply.
  it('reports, but --fix leaves the code as it is', async () => {
    const { output, before } = await lintAndFix(code, { rules: RULE });
    expect(before.map((message) => message.messageId)).toEqual(['pyramid']);
    expect(before.filter((message) => message.fix !== undefined)).toEqual([]);
    expect(before[0]?.suggestions?.map((suggestion) => suggestion.messageId)).toEqual(['useAwait']);
    expect(output).toBe(code);
  });

  it('the suggestion keeps what the rejection handler catches: only a failure of the second step; of the first and third the caller', async () => {
    const suggested = await applySuggestion(code, 'useAwait');
    expect(suggested).toContain("let b;\n  try {\n    b = await step('b', second * a);\n  } catch (error2) {\n    return ((error: unknown) => `b handled: ${String(error)}`)(error2);\n  }");
    expect(typeCheck(suggested)).toEqual([]);
    const [original, rewritten] = await Promise.all([runTypeScript(code), runTypeScript(suggested)]);
    expect(lines(original.stdout)).toEqual([
      'total 5',
      'caller: Error: a failed',
      'b handled: Error: b failed',
      'caller: Error: c failed',
      'start a, end a, start b, end b, start c, end c, start d, end d, start a, end a, start a, end a, start b, end b, start a, end a, start b, end b, start c, end c',
    ]);
    expect(rewritten.stdout).toBe(original.stdout);
  });
});

async function applySuggestion(code: string, messageId: string): Promise<string> {
  const { before } = await lintAndFix(code, { rules: RULE });
  const suggestion = before.flatMap((message) => message.suggestions ?? []).find((candidate) => candidate.messageId === messageId);
  if (suggestion === undefined) throw new Error(`no suggestion ${messageId} in ${JSON.stringify(before)}`);
  const { range, text } = suggestion.fix;
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}

function expectSameTypesAndOutput(proof: FixProof): void {
  expect(proof.inputTypeErrors, 'the case itself must type-check').toEqual([]);
  expect(proof.outputTypeErrors, `fixed code:\n${proof.output}`).toEqual([]);
  expect(proof.inputRun.stdout.length).toBeGreaterThan(0);
  expect(proof.outputRun.stdout, `fixed code:\n${proof.output}\nstderr: ${proof.outputRun.stderr}`).toBe(proof.inputRun.stdout);
  expect(proof.inputRun.timedOut || proof.outputRun.timedOut).toBe(false);
  expect(proof.outputRun.exitCode).toBe(proof.inputRun.exitCode);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
