import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getAccessPath, isAccessPathWithin, isSameAccessPath, type AccessPath } from '../../src/syntax/access-path.js';
import { probeTyped } from '../analysis/typed-probe.js';

/** The access path of each argument of `probe(…)`, in order (`undefined` where there is none). */
async function paths(code: string): Promise<(AccessPath | undefined)[]> {
  const found: (AccessPath | undefined)[] = [];
  await probeTyped(`declare function probe(...values: unknown[]): void;\n${code}`, ({ sourceCode }) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
      for (const argument of node.arguments) found.push(getAccessPath(sourceCode, argument));
    },
  }));
  return found;
}

describe('getAccessPath', () => {
  it('names a variable and its static properties, by scope', async () => {
    const found = await paths(`
const user = { id: 1, tags: ['a'] };
function inner(user: { id: number }) { probe(user.id); }
probe(user.id, user['id'], user?.id, user.tags[0], user, user[String(1) as 'id'], notDeclared.name);
`);
    const [inInner, id, quotedId, optionalId, firstTag, whole, computed, globalName] = found;
    if ([inInner, id, quotedId, optionalId, firstTag, whole, globalName].includes(undefined)) throw new Error('no path');
    const path = (value: AccessPath | undefined): AccessPath => value as AccessPath;
    expect(computed).toBeUndefined();
    expect(isSameAccessPath(path(id), path(quotedId))).toBe(true);
    expect(isSameAccessPath(path(id), path(optionalId))).toBe(true);
    expect(isSameAccessPath(path(inInner), path(id))).toBe(false); // the parameter `user` is another variable
    expect(path(firstTag).properties).toEqual(['tags', '0']);
    expect(isAccessPathWithin(path(id), path(whole))).toBe(true);
    expect(isAccessPathWithin(path(whole), path(id))).toBe(false);
    expect(path(globalName).globalName).toBe('notDeclared');
  });
});
