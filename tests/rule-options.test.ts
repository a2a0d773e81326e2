/**
 * Options are validated by ESLint against each rule's JSON schema: a bad
 * option gives ESLint's own configuration error before the rule runs, never
 * a crash inside it (catalogue, "What every rule has").
 */
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { createFixtureESLint } from './fixture-eslint.js';
import { fixturesDir } from './rule-tester.js';

async function lintWithOptions(ruleId: string, options: unknown): Promise<unknown> {
  const eslint = createFixtureESLint({
    configs: [
      {
        files: ['**/*.ts'],
        plugins: { 'async-misuse': plugin },
        rules: { [`async-misuse/${ruleId}`]: ['error', options] },
      },
    ],
  });
  return eslint.lintText('export {};\n', { filePath: path.join(fixturesDir, 'file.ts') });
}

describe('no-needless-async-loop options', () => {
  it.each([[{ smallArrayLength: -1 }], [{ smallArrayLength: 1.5 }], [{ smallArrayLength: '3' }], [{ smallArraySize: 3 }]])(
    'rejects %j with ESLint’s own configuration error',
    async (options) => {
      await expect(lintWithOptions('no-needless-async-loop', options)).rejects.toThrow(
        /Key "rules": Key "async-misuse\/no-needless-async-loop":/u,
      );
    },
  );

  it.each([[{}], [{ smallArrayLength: 0 }], [{ smallArrayLength: 100 }]])('accepts %j', async (options) => {
    await expect(lintWithOptions('no-needless-async-loop', options)).resolves.toBeDefined();
  });
});

describe('no-callback-pyramid options', () => {
  it.each([[{ maxDepth: 0 }], [{ maxDepth: 2.5 }], [{ maxDepth: '3' }], [{ ignore: 'withLock' }], [{ ignore: [1] }], [{ ignore: [''] }], [{ ignore: ['a', 'a'] }], [{ max: 3 }]])(
    'rejects %j with ESLint’s own configuration error',
    async (options) => {
      await expect(lintWithOptions('no-callback-pyramid', options)).rejects.toThrow(/Key "rules": Key "async-misuse\/no-callback-pyramid":/u);
    },
  );

  it.each([[{}], [{ maxDepth: 1 }], [{ maxDepth: 10, ignore: ['withLock', 'run'] }]])('accepts %j', async (options) => {
    await expect(lintWithOptions('no-callback-pyramid', options)).resolves.toBeDefined();
  });
});

describe('no-lost-update options', () => {
  it.each([[{ locks: 'mutex' }], [{ locks: [1] }], [{ locks: [''] }], [{ locks: ['mutex', 'mutex'] }], [{ lock: ['mutex'] }]])(
    'rejects %j with ESLint’s own configuration error',
    async (options) => {
      await expect(lintWithOptions('no-lost-update', options)).rejects.toThrow(/Key "rules": Key "async-misuse\/no-lost-update":/u);
    },
  );

  it.each([[{}], [{ locks: [] }], [{ locks: ['mutex', 'this.lock', 'withLock'] }]])('accepts %j', async (options) => {
    await expect(lintWithOptions('no-lost-update', options)).resolves.toBeDefined();
  });
});

describe('handle-callback-error options', () => {
  it.each([[{ errorNames: 'err' }], [{ errorNames: [''] }], [{ errorNames: ['err', 'err'] }], [{ ignore: [1] }], [{ errorName: ['err'] }]])(
    'rejects %j with ESLint’s own configuration error',
    async (options) => {
      await expect(lintWithOptions('handle-callback-error', options)).rejects.toThrow(
        /Key "rules": Key "async-misuse\/handle-callback-error":/u,
      );
    },
  );

  it.each([[{}], [{ errorNames: [] }], [{ errorNames: ['failure'], ignore: ['unlink'] }]])('accepts %j', async (options) => {
    await expect(lintWithOptions('handle-callback-error', options)).resolves.toBeDefined();
  });
});

describe('no-premature-async-read options', () => {
  it.each([[{ ignore: 'setTimeout' }], [{ ignore: [''] }], [{ ignore: ['a', 'a'] }], [{ errorNames: ['err'] }]])(
    'rejects %j with ESLint’s own configuration error',
    async (options) => {
      await expect(lintWithOptions('no-premature-async-read', options)).rejects.toThrow(
        /Key "rules": Key "async-misuse\/no-premature-async-read":/u,
      );
    },
  );

  it.each([[{}], [{ ignore: [] }], [{ ignore: ['lookup'] }]])('accepts %j', async (options) => {
    await expect(lintWithOptions('no-premature-async-read', options)).resolves.toBeDefined();
  });
});

describe('no-needless-async options', () => {
  it.each([
    [{ allow: 'close' }],
    [{ allow: [1] }],
    [{ allow: [{ from: 'file' }] }],
    [{ allow: [{ from: 'package', name: 'close' }] }],
    [{ allow: [{ from: 'module', name: 'close' }] }],
    [{ allowed: ['close'] }],
  ])('rejects %j with ESLint’s own configuration error', async (options) => {
    await expect(lintWithOptions('no-needless-async', options)).rejects.toThrow(/Key "rules": Key "async-misuse\/no-needless-async":/u);
  });

  it.each([
    [{}],
    [{ allow: [] }],
    [{ allow: ['close', { from: 'file', name: ['close', 'disconnect'], path: 'src/lock-manager.ts' }, { from: 'package', package: 'ioredis', name: 'quit' }] }],
  ])('accepts %j', async (options) => {
    await expect(lintWithOptions('no-needless-async', options)).resolves.toBeDefined();
  });
});
