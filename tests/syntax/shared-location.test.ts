import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getEnclosingFunction } from '../../src/syntax/function-node.js';
import {
  getBoundLocation,
  getLocationVisibility,
  getStorageLocation,
  isFreshObject,
  isWithinLocation,
} from '../../src/syntax/shared-location.js';
import { findAll } from '../analysis/in-memory-program.js';
import { lintProbe } from '../lint-probe.js';

interface Answer {
  /** The location's key with declaration offsets dropped, or `undefined` when the target is no location. */
  path: string | undefined;
  visibility: string | undefined;
}

/** For each assignment of `code`, in source order: what its target is and who can see it from the function that writes it. */
function targetsOf(code: string): Answer[] {
  const answers: Answer[] = [];
  lintProbe(code, (context) => {
    const { sourceCode } = context;
    for (const assignment of findAll(sourceCode.ast, AST_NODE_TYPES.AssignmentExpression)) {
      const location = getStorageLocation(sourceCode, assignment.left);
      const writer = getEnclosingFunction(assignment);
      answers.push({
        path: location?.key.replace(/@\d+/gu, ''),
        visibility: location === undefined || writer === undefined ? undefined : getLocationVisibility(sourceCode, location, writer),
      });
    }
  });
  return answers;
}

describe('getStorageLocation', () => {
  it('names paths from this and from variables, and gives up on computed keys it cannot follow', () => {
    const answers = targetsOf(`
export class A {
  n = 0;
  #m = 0;
  counts: Record<string, number> = {};
  async f(key: string, other: () => string) {
    this.n = 1;
    this.#m = 1;
    this.counts[key] = 1;
    this.counts['literal'] = 1;
    this.counts[other()] = 1;
    let changing = 'a';
    changing = 'b';
    this.counts[changing] = 2;
  }
}
`);
    expect(answers.map((answer) => answer.path)).toEqual([
      'this.n',
      'this.#m',
      'this.counts[key]',
      'this.counts.literal',
      undefined,
      'changing',
      undefined,
    ]);
  });

  it('keeps two variables of one name apart', () => {
    let keys: string[] = [];
    lintProbe(
      `
let count = 0;
export function f() {
  count = 1;
  {
    let count = 0;
    count = 2;
  }
}
`,
      (context) => {
        keys = findAll(context.sourceCode.ast, AST_NODE_TYPES.AssignmentExpression).map(
          (assignment) => getStorageLocation(context.sourceCode, assignment.left)?.key ?? '',
        );
      },
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('getLocationVisibility', () => {
  it('tells shared state from what only this call can see', () => {
    const answers = targetsOf(`
declare function getCart(): { total: number };
let moduleCount = 0;
export const moduleObject = { n: 0 };
export class A {
  n = 0;
  async method(parameter: { n: number }) {
    this.n = 1;
    parameter.n = 1;
    moduleCount = 1;
    moduleObject.n = 1;
    let local = 0;
    local = 1;
    const fresh = { n: 0 };
    fresh.n = 1;
    const alias = this;
    alias.n = 1;
    const fromCall = getCart();
    fromCall.total = 1;
    parameter = { n: 2 };
  }
}
`);
    expect(answers.map((answer) => `${answer.path ?? '-'} ${answer.visibility ?? '-'}`)).toEqual([
      'this.n shared',
      'parameter.n shared',
      'moduleCount shared',
      'moduleObject.n shared',
      'local local',
      'fresh.n local',
      'alias.n shared',
      'fromCall.total unknown',
      'parameter local',
    ]);
  });

  it('shares an enclosing function variable with callbacks, not with a function called once in place', () => {
    const answers = targetsOf(`
declare function f(): Promise<number>;
export async function outer(items: number[]) {
  let total = 0;
  await Promise.all(items.map(async () => {
    total = 1;
  }));
  await (async () => {
    total = 2;
  })();
  for (const item of items) {
    void (async () => {
      total = item;
    })();
  }
  return total;
}
`);
    expect(answers.map((answer) => answer.visibility)).toEqual(['shared', 'local', 'shared']);
  });

  it('sees this in a class field arrow as the instance, and top-level this as nothing', () => {
    const answers = targetsOf(`
export class A {
  n = 0;
  add = async () => {
    this.n = 1;
  };
}
export const top = async () => {
  (this as unknown as { n: number }).n = 1;
};
`);
    expect(answers.map((answer) => answer.visibility)).toEqual(['shared', undefined]);
  });
});

describe('isWithinLocation', () => {
  it('counts a place inside a location, not a sibling that shares a prefix', () => {
    lintProbe(
      `
export class A {
  cart = { total: 0, totalTax: 0 };
  f() {
    return [this.cart, this.cart.total, this.cart.totalTax];
  }
}
`,
      (context) => {
        const members = findAll(context.sourceCode.ast, AST_NODE_TYPES.ArrayExpression)[0]?.elements ?? [];
        const [cart, total, totalTax] = members.map((member) => (member === null ? undefined : getStorageLocation(context.sourceCode, member)));
        if (cart === undefined || total === undefined || totalTax === undefined) throw new Error('no locations');
        expect(isWithinLocation(total, cart)).toBe(true);
        expect(isWithinLocation(cart, total)).toBe(false);
        expect(isWithinLocation(totalTax, total)).toBe(false);
      },
    );
  });
});

describe('isFreshObject', () => {
  it('knows literals and new objects, not calls or references', () => {
    lintProbe(
      `
declare function make(): object;
declare const existing: object;
export const values = [{}, [], new Map(), {} as object, make(), existing];
`,
      (context) => {
        const elements = findAll(context.sourceCode.ast, AST_NODE_TYPES.ArrayExpression)[0]?.elements ?? [];
        expect(elements.map((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isFreshObject(element))).toEqual([
          true,
          true,
          true,
          true,
          false,
          false,
        ]);
      },
    );
  });
});

describe('getBoundLocation', () => {
  it('gives the place a local was read from, through a plain or a destructuring declaration', () => {
    let bound: (string | undefined)[] = [];
    lintProbe(
      `
declare function make(): { n: number };
export const store = { n: 0, m: 0 };
export function f() {
  const plain = store.n;
  const { m } = store;
  const { n: renamed } = store;
  const { n: withDefault = 1 } = store;
  const fromCall = make().n;
  return [plain, m, renamed, withDefault, fromCall];
}
`,
      (context) => {
        const fn = findAll(context.sourceCode.ast, AST_NODE_TYPES.FunctionDeclaration).find((candidate) => candidate.id?.name === 'f');
        const scope = fn === undefined ? null : (context.sourceCode.scopeManager?.acquire(fn) ?? null);
        bound = (scope?.variables ?? [])
          .filter((variable) => variable.name !== 'arguments')
          .map((variable) => getBoundLocation(context.sourceCode, variable)?.key.replace(/@\d+/gu, ''));
      },
    );
    expect(bound).toEqual(['store.n', 'store.m', 'store.n', undefined, undefined]);
  });
});
