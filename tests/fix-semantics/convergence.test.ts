import path from 'node:path';

import parser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { typedFixtureParserOptions } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

describe('no-needless-async with no-trivial-await under --fix', () => {
  const filename = path.join(fixturesDir, 'file.ts');
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser,
        parserOptions: typedFixtureParserOptions,
      },
      // typescript-eslint's rule types are not ESLint's own; the objects are the same at run time.
      plugins: { 'async-misuse': plugin as unknown as ESLint.Plugin },
      rules: {
        'async-misuse/no-needless-async': 'error',
        'async-misuse/no-trivial-await': 'error',
      },
    },
  ];

  it('converges over several passes and leaves nothing to report', () => {
    const code = `
import { fetchSetting } from './modules/sync-work';

async function double(n: number): Promise<number> {
  return n * 2;
}

const half = async (n: number) => n / 2;

export async function main(): Promise<number> {
  const setting = await fetchSetting('size');
  const x = await double(setting.length);
  await half(x);
  return x;
}
`;
    const linter = new Linter({ configType: 'flat', cwd: fixturesDir });

    // On the first pass only no-needless-async can fix; no-trivial-await merely
    // suggests on the awaits of the still-async functions. The awaits can only
    // go in a later pass, once the callees are synchronous.
    const firstPass = linter.verify(code, config, { filename });
    expect(firstPass.map((message) => [message.ruleId, message.line, message.fix !== undefined])).toEqual([
      ['async-misuse/no-needless-async', 4, true],
      ['async-misuse/no-needless-async', 8, true],
      ['async-misuse/no-trivial-await', 12, false],
      ['async-misuse/no-trivial-await', 13, false],
    ]);

    const result = linter.verifyAndFix(code, config, { filename });
    expect(result.output).toBe(`
import { fetchSetting } from './modules/sync-work';

function double(n: number): number {
  return n * 2;
}

const half = (n: number) => n / 2;

export async function main(): Promise<number> {
  const setting = await fetchSetting('size');
  const x = double(setting.length);
  half(x);
  return x;
}
`);
    expect(result.fixed).toBe(true);
    expect(result.messages).toEqual([]);
    expect(linter.verify(result.output, config, { filename })).toEqual([]);
  });
});

