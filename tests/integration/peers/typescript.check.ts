/**
 * Runs only under `vitest.peer.config.ts` when the peer is TypeScript (`scripts/test-peer.sh
 * typescript@5.4`): proves that every way the plugin and its dependencies load `typescript` gets
 * that version, so the rule tests in the same run really check it.
 */
import { createRequire } from 'node:module';

import { isStrictCompilerOptionEnabled } from 'ts-api-utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { peerFromEnv } from './peer-prefix.js';

const expectedVersion = peerFromEnv('typescript').version;
const major = Number(expectedVersion.split('.')[0]);

describe('the TypeScript in use', () => {
  it(`is TypeScript ${expectedVersion} for imports (the plugin's own)`, () => {
    expect(ts.version).toBe(expectedVersion);
  });

  it(`is TypeScript ${expectedVersion} for typescript-eslint's CommonJS requires (the parser's program)`, () => {
    const requireFromEstree = createRequire(createRequire(import.meta.url).resolve('@typescript-eslint/typescript-estree'));
    const required = requireFromEstree('typescript') as typeof ts;
    expect(required.version).toBe(expectedVersion);
  });

  // ts-api-utils is ESM that vitest leaves to Node: its `typescript` comes through the resolve hook.
  // It tells versions apart where TypeScript 6 turned `strict` on by default.
  it(`is TypeScript ${String(major)} for ts-api-utils' native ESM import`, () => {
    expect(isStrictCompilerOptionEnabled({}, 'strictNullChecks')).toBe(major >= 6);
  });
});
