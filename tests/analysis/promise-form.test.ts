import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { hasPromiseForm } from '../../src/analysis/promise-form.js';
import { runTypedProbe } from './typed-probe.js';

describe('hasPromiseForm', () => {
  it('finds a signature that takes the other arguments and resolves to what the callback receives', async () => {
    const found: Record<string, boolean> = {};
    await runTypedProbe(
      `
        import type { Client } from 'pg';
        import { readFile } from 'node:fs';
        declare const client: Client;
        declare function fetchRow(id: string): Promise<string>;
        declare function fetchRow(id: string, done: (error: Error | null, row: string) => void): void;
        declare function fetchCount(id: string): Promise<string>;
        declare function fetchCount(id: string, done: (error: Error | null, count: number) => void): void;
        declare function spread(...args: unknown[]): Promise<string>;
        client.query('pg', (err, result) => {});
        readFile('fs.readFile', (err, data) => {});
        fetchRow('overloads', (error, row) => {});
        fetchCount('another value', (error, count) => {});
        spread('rest', (error: Error | null, value: string) => {});
      `,
      (_context, services) => ({
        CallExpression(node: TSESTree.CallExpression) {
          const [label] = node.arguments;
          const callback = node.arguments.at(-1);
          if (label?.type !== AST_NODE_TYPES.Literal || callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression) return;
          const result = callback.params[1];
          if (result === undefined) return;
          found[String(label.value)] = hasPromiseForm(services, node, services.getTypeAtLocation(result));
        },
      }),
    );
    expect(found).toEqual({
      pg: true,
      'fs.readFile': false,
      overloads: true,
      'another value': false,
      rest: false,
    });
  });
});
