/**
 * On a file linted without type information a rule stops with
 * typescript-eslint's own clear message (`getParserServices`), never with an
 * obscure crash from deep inside; `configs['disable-type-checked']` is the
 * documented way out (catalogue, "What every rule has").
 */
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { fixturesDir } from './rule-tester.js';

const code = `
export async function load(id: string): Promise<string> {
  return id;
}
export const value = await load('a');
export const same = await 1;
`;

const filePath = path.join(fixturesDir, 'file.ts');
const files = ['**/*.ts', '**/*.js'];

/** The parser with no `project` / `projectService`: it parses, but gives no types. */
const untypedParser: Linter.Config = { files, languageOptions: { parser: tsParser, parserOptions: {} } };

function createESLint(...configs: Linter.Config[]): ESLint {
  return new ESLint({ cwd: fixturesDir, overrideConfigFile: true, overrideConfig: configs });
}

async function lintError(eslint: ESLint, text = code, file = filePath): Promise<Error> {
  try {
    await eslint.lintText(text, { filePath: file });
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`lintText threw a non-Error: ${String(error)}`);
  }
  throw new Error('lintText did not throw');
}

function expectTypescriptEslintMessage(error: Error): void {
  expect(error.message).toContain('You have used a rule which requires type information');
  expect(error.message).toContain("don't have parserOptions set to generate type information for this file");
  expect(error.message).toContain('https://tseslint.com/typed-linting');
  // Not a crash from inside our code.
  expect(error).not.toBeInstanceOf(TypeError);
  expect(error.message).not.toMatch(/TypeError|Cannot read propert|undefined is not|src[/\\](?:analysis|util)/u);
  // It is thrown by typescript-eslint's `getParserServices`, before our rule asks anything.
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  expect(frames[0]).toMatch(/getParserServices/u);
  expect(frames.some((frame) => /src[/\\](?:analysis|util)[/\\]/u.test(frame))).toBe(false);
}

describe('without type information', () => {
  it.each(Object.keys(plugin.rules))('%s stops with typescript-eslint’s message', async (ruleId) => {
    const eslint = createESLint(untypedParser, {
      files,
      plugins: { 'async-misuse': plugin },
      rules: { [`async-misuse/${ruleId}`]: 'error' },
    });
    const error = await lintError(eslint);
    expectTypescriptEslintMessage(error);
    expect(error.message).toContain(`async-misuse/${ruleId}`);
  });

  it('the strict config stops with typescript-eslint’s message', async () => {
    const error = await lintError(createESLint(untypedParser, { files, ...plugin.configs.strict }));
    expectTypescriptEslintMessage(error);
  });

  it('the recommended config stops with it too, even on a file with nothing to report', async () => {
    const error = await lintError(createESLint(untypedParser, { files, ...plugin.configs.recommended }), 'export {};\n');
    expectTypescriptEslintMessage(error);
  });

  it('with ESLint’s default parser on a .js file the message also says the parser is not typescript-eslint’s', async () => {
    const eslint = createESLint({ files: ['**/*.js'], ...plugin.configs.strict });
    const error = await lintError(eslint, 'export const value = await 1;\n', path.join(fixturesDir, 'file.js'));
    expectTypescriptEslintMessage(error);
    expect(error.message).toContain('detected a parser other than @typescript-eslint/parser');
  });
});

describe("configs['disable-type-checked']", () => {
  it('turns every rule of the plugin off', () => {
    expect(plugin.configs['disable-type-checked'].rules).toEqual(
      Object.fromEntries(Object.keys(plugin.rules).map((id) => [`async-misuse/${id}`, 'off'])),
    );
  });

  it('after the strict config, lints an untyped file with no error', async () => {
    const eslint = createESLint(
      untypedParser,
      { files, ...plugin.configs.strict },
      { files, ...plugin.configs['disable-type-checked'] },
    );
    const [result] = await eslint.lintText(code, { filePath });
    expect(result?.messages).toEqual([]);
    expect(result?.errorCount).toBe(0);
  });

  it('after the recommended config, lints an untyped .js file with the default parser with no error', async () => {
    const eslint = createESLint(
      { files: ['**/*.js'], ...plugin.configs.recommended },
      { files: ['**/*.js'], ...plugin.configs['disable-type-checked'] },
    );
    const [result] = await eslint.lintText('export const value = await 1;\n', {
      filePath: path.join(fixturesDir, 'file.js'),
    });
    expect(result?.messages).toEqual([]);
  });
});
