import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isPromiseOfPublicApi } from '../../src/analysis/public-api.js';
import { parseWithTypes } from './in-memory-program.js';

/** Whether each named function of `api.ts` (`Class.method` for methods) makes its promise part of the API. */
function judge(api: string, names: readonly string[]): Record<string, boolean> {
  const { program, checker } = parseWithTypes({ 'main.ts': 'export {};\n', 'api.ts': api });
  const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('api.ts'));
  if (sourceFile === undefined) throw new Error('api.ts not in the program');
  const functions = new Map<string, ts.FunctionLikeDeclaration>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined && node.body !== undefined) functions.set(node.name.text, node);
    if (ts.isMethodDeclaration(node) && ts.isClassLike(node.parent)) {
      const className = node.parent.name?.text ?? (ts.isVariableDeclaration(node.parent.parent) ? node.parent.parent.name.getText() : 'default');
      functions.set(`${className}.${node.name.getText()}`, node);
    }
    if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isArrowFunction(node.initializer)) {
      functions.set(node.name.getText(), node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return Object.fromEntries(
    names.map((name) => {
      const declaration = functions.get(name);
      if (declaration === undefined) throw new Error(`no function ${name} in api.ts`);
      return [name, isPromiseOfPublicApi(checker, declaration)];
    }),
  );
}

describe('isPromiseOfPublicApi', () => {
  it('a public method of an exported class that states its promise', () => {
    const api = `
export class LockManager {
  async close(): Promise<void> {}
  static async create(): Promise<LockManager> { return new LockManager(); }
  async size() { return 0; }
  protected async pause(): Promise<void> { console.log('pause'); }
  protected async prepare(request: object): Promise<void> {}
  private async stop(): Promise<void> {}
  async #halt(): Promise<void> {}
}
class Internal {
  async close(): Promise<void> {}
}
`;
    expect(
      judge(api, [
        'LockManager.close',
        'LockManager.create',
        'LockManager.size',
        'LockManager.pause',
        'LockManager.prepare',
        'LockManager.stop',
        'LockManager.#halt',
        'Internal.close',
      ]),
    ).toEqual({
      'LockManager.close': true,
      'LockManager.create': true,
      'LockManager.size': false,
      'LockManager.pause': false,
      'LockManager.prepare': true,
      'LockManager.stop': false,
      'LockManager.#halt': false,
      'Internal.close': false,
    });
  });

  it('classes exported through a list, as the default, or as the variable a class expression initialises', () => {
    const api = `
class Pool {
  async end(): Promise<void> {}
}
export { Pool as ConnectionPool };
export default class {
  async quit(): Promise<void> {}
}
export const Client = class {
  async disconnect(): Promise<void> {}
};
`;
    expect(judge(api, ['Pool.end', 'default.quit', 'Client.disconnect'])).toEqual({
      'Pool.end': true,
      'default.quit': true,
      'Client.disconnect': true,
    });
  });

  it('exported functions, arrows and overloads that state their promise', () => {
    const api = `
export async function start(): Promise<void> {}
export async function inferred() {}
async function flushQueue(): Promise<void> {}
export { flushQueue as flush };
async function shutdown(): Promise<void> {}
export default shutdown;
async function local(): Promise<void> {}
export const stop = async (): Promise<void> => {};
export async function parse(text: string): Promise<number>;
export async function parse(text: string, radix: number): Promise<number>;
export async function parse(text: string, radix = 10) {
  return Number.parseInt(text, radix);
}
`;
    expect(judge(api, ['start', 'inferred', 'flushQueue', 'shutdown', 'local', 'stop', 'parse'])).toEqual({
      start: true,
      inferred: false,
      flushQueue: true,
      shutdown: true,
      local: false,
      stop: true,
      parse: true,
    });
  });

  it('not a function of a script, which has no exports', () => {
    expect(judge('async function start(): Promise<void> {}\n', ['start'])).toEqual({ start: false });
  });
});
