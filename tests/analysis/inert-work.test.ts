import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isInertWork } from '../../src/analysis/inert-work.js';
import { probeTyped } from './typed-probe.js';

/** For every block labelled `probe:` in `code`: its first line and whether its work is inert. */
async function judge(code: string): Promise<[string, boolean][]> {
  const judged: [string, boolean][] = [];
  await probeTyped(code, ({ services, sourceCode }) => ({
    LabeledStatement(node: TSESTree.LabeledStatement) {
      if (node.label.name !== 'probe' || node.body.type !== AST_NODE_TYPES.BlockStatement) return;
      const first = node.body.body[0];
      judged.push([first === undefined ? '' : sourceCode.getText(first), isInertWork(services, node.body)]);
    },
  }));
  return judged;
}

describe('isInertWork', () => {
  it('takes computing and logging for inert', async () => {
    expect(
      await judge(`
export function f(words: string[], n: number) {
  let total = 0;
  let first = '';
  probe: { total += n * 2; }
  probe: { console.log(words.length, Math.max(n, 1), JSON.stringify(words)); }
  probe: { [first] = words; total++; }
  probe: { total += words.map((word) => word.trim().length).reduce((a, b) => a + b, 0); }
  probe: { const copy = new Map<string, number>(); copy.size; }
  probe: { const label = \`\${n}\`.padStart(3); first = label; }
  probe: { if (Array.isArray(words)) total = Number(first); }
}`),
    ).toEqual([
      ['total += n * 2;', true],
      ['console.log(words.length, Math.max(n, 1), JSON.stringify(words));', true],
      ['[first] = words;', true],
      ['total += words.map((word) => word.trim().length).reduce((a, b) => a + b, 0);', true],
      ['const copy = new Map<string, number>();', true],
      ['const label = `${n}`.padStart(3);', true],
      ['if (Array.isArray(words)) total = Number(first);', true],
    ]);
  });

  it('takes calls, property writes and waits for work that may have queued something', async () => {
    expect(
      await judge(`
import { EventEmitter } from 'node:events';
declare function step(): void;
declare const Math2: { max(a: number, b: number): number };
export async function f(button: HTMLButtonElement, state: { n: number }, emitter: EventEmitter, words: string[], format: (word: string) => string) {
  probe: { button.click(); }
  probe: { state.n = 1; }
  probe: { state.n++; }
  probe: { emitter.emit('x'); }
  probe: { step(); }
  probe: { words.forEach((word) => step()); }
  probe: { words.map(format); }
  probe: { await Promise.resolve(); }
  probe: { delete state.n; }
  probe: { new Promise(() => undefined); }
  probe: { Math2.max(1, 2); }
}`),
    ).toEqual([
      ['button.click();', false],
      ['state.n = 1;', false],
      ['state.n++;', false],
      ["emitter.emit('x');", false],
      ['step();', false],
      ['words.forEach((word) => step());', false],
      ['words.map(format);', false],
      ['await Promise.resolve();', false],
      ['delete state.n;', false],
      ['new Promise(() => undefined);', false],
      ['Math2.max(1, 2);', false],
    ]);
  });
});
