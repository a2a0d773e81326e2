import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getAsyncWrapperCallee, isAsyncWrapperAroundSyncWork } from '../../src/analysis/async-wrapper.js';
import type { FunctionWithBody } from '../../src/analysis/function-summary.js';
import { forEachDescendant } from '../../src/syntax/walk.js';
import { findAll, parseWithTypes } from './in-memory-program.js';

const { ast, services, program } = parseWithTypes({
  'main.ts': `
import { action } from './actions';
export async function wrapper() { return 1; }
export async function waits() { await Promise.resolve(); return 1; }
export async function passesOn() { return Promise.resolve(1); }
export function sync() { return 1; }
export async function* generator() { yield 1; }
export async function serverAction() { 'use server'; return 1; }
export class Service { async read() { return 1; } }
export class Base { async load() { return 1; } }
export class Remote extends Base { override async load() { await Promise.resolve(); return 2; } }
export let reassignable = async () => 1;
export async function calls(service: Service, base: Base, callback: () => Promise<number>) {
  await wrapper();
  await service.read();
  await waits();
  await passesOn();
  await base.load();
  await reassignable();
  await callback();
  await action();
}
`,
  'actions.ts': `'use server';\nexport async function action() { return 1; }\n`,
});

/** `name` of a declaration, `Class.name` for a method. */
function nameOf(declaration: ts.Node): string {
  const name = ts.getNameOfDeclaration(declaration as ts.Declaration)?.getText() ?? '(anonymous)';
  return ts.isMethodDeclaration(declaration) && ts.isClassLike(declaration.parent) ? `${declaration.parent.name?.text}.${name}` : name;
}

describe('isAsyncWrapperAroundSyncWork', () => {
  it('tells async functions that do only synchronous work', () => {
    const answers: Record<string, boolean> = {};
    for (const sourceFile of program.getSourceFiles().filter((file) => !file.isDeclarationFile)) {
      forEachDescendant(sourceFile, (node) => {
        if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.body !== undefined && node.name?.getText() !== 'calls') {
          answers[nameOf(node)] = isAsyncWrapperAroundSyncWork(program, node as FunctionWithBody);
        }
        return true;
      });
    }
    expect(answers).toEqual({
      wrapper: true,
      waits: false,
      passesOn: false,
      sync: false,
      generator: false,
      // A server action is a network call whatever its body does, by its directive or its file's.
      serverAction: false,
      action: false,
      'Service.read': true,
      'Base.load': true,
      'Remote.load': false,
    });
  });
});

describe('getAsyncWrapperCallee', () => {
  it('gives the wrapper a call certainly runs, and nothing where something else may run', () => {
    const callees = findAll(ast, AST_NODE_TYPES.AwaitExpression).map((node) => {
      const call = node.argument;
      if (call.type !== AST_NODE_TYPES.CallExpression) throw new Error('not a call');
      const callee = getAsyncWrapperCallee(services, call);
      return [services.esTreeNodeToTSNodeMap.get(call).getText(), callee && nameOf(callee)];
    });
    expect(callees).toEqual([
      ['Promise.resolve()', undefined],
      ['Promise.resolve()', undefined],
      ['wrapper()', 'wrapper'],
      ['service.read()', 'Service.read'],
      ['waits()', undefined],
      ['passesOn()', undefined],
      // Overridden by Remote, reassignable, a parameter, a server action.
      ['base.load()', undefined],
      ['reassignable()', undefined],
      ['callback()', undefined],
      ['action()', undefined],
    ]);
  });
});
