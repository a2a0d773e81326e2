import type { TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { allowsTopLevelAwait, canAwaitAt } from '../../src/syntax/await-context.js';
import { probeTyped } from '../analysis/typed-probe.js';

/** For every call of `probe()` in `code` (linted as a module of the fixture project, which allows top-level await): can it await? */
async function observe(code: string): Promise<boolean[]> {
  const observed: boolean[] = [];
  await probeTyped(`declare function probe(): void;\n${code}`, ({ services }) => ({
    'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
      const sourceFile = services.esTreeNodeToTSNodeMap.get(node).getSourceFile();
      observed.push(canAwaitAt(services.program, sourceFile, node));
    },
  }));
  return observed;
}

describe('canAwaitAt', () => {
  it('says where an await would be valid', async () => {
    expect(
      await observe(`
probe();
if (Math.random() > 0.5) { probe(); }
export async function a() { probe(); }
export const b = async () => { probe(); };
export function c() { probe(); }
export async function d() { [1].forEach(() => { probe(); }); }
export class E {
  field = probe();
  static { probe(); }
  async method() { probe(); }
}
`),
    ).toEqual([true, true, true, true, false, false, false, false, true]);
  });

  it('allows top-level await only in a module emitted as ESM with a recent target', () => {
    const check = (options: ts.CompilerOptions, text = 'export {};', fileName = 'main.ts'): boolean => {
      const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest);
      const program = { getCompilerOptions: () => options } as unknown as ts.Program;
      return allowsTopLevelAwait(program, sourceFile);
    };
    expect(check({ module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 })).toBe(true);
    expect(check({ module: ts.ModuleKind.ES2022 })).toBe(true);
    expect(check({ module: ts.ModuleKind.ESNext }, 'const x = 1;')).toBe(false);
    expect(check({ module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2015 })).toBe(false);
    expect(check({ module: ts.ModuleKind.CommonJS })).toBe(false);
    expect(check({})).toBe(false);
    expect(check({ module: ts.ModuleKind.Preserve }, 'export {};', 'main.cts')).toBe(false);
    expect(check({ module: ts.ModuleKind.NodeNext })).toBe(false);
  });
});
