import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/**
 * Visits `root` and its descendants in source order, descending into a node's
 * children when `enter` returns true. Iterative, not recursive: generated code
 * (a concatenation of thousands of strings) nests deeper than the call stack
 * allows, and the program-wide indexes visit every file.
 */
export function forEachDescendant(root: ts.Node, enter: (node: ts.Node) => boolean): void {
  const pending: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!enter(node)) continue;
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index] as ts.Node);
  }
}

/** The same walk over an ESTree (typescript-eslint) tree. */
export function forEachESTreeDescendant(root: TSESTree.Node, enter: (node: TSESTree.Node) => boolean): void {
  const pending: TSESTree.Node[] = [root];
  const children: TSESTree.Node[] = [];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!enter(node)) continue;
    children.length = 0;
    // `for…in` over the node's own keys in order, without `Object.entries`' arrays: the walks
    // run over every function body of a file, and allocating per node was their main cost.
    for (const key in node) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (typeof child !== 'object' || child === null) continue;
      if (Array.isArray(child)) {
        for (const item of child as unknown[]) if (isESTreeNode(item)) children.push(item);
      } else if (isESTreeNode(child)) {
        children.push(child);
      }
    }
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index] as TSESTree.Node);
  }
}

function isESTreeNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Whether the walk from `root` finds a node: `visit` says, for each node,
 * whether it is the one sought (`'found'`, which ends the walk), whether to
 * leave its subtree out (`'skip'`), or to go on below it (`'descend'`).
 */
export function someESTreeDescendant(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => 'descend' | 'found' | 'skip',
): boolean {
  let found = false;
  forEachESTreeDescendant(root, (node) => {
    if (found) return false;
    const answer = visit(node);
    if (answer === 'found') found = true;
    return answer === 'descend';
  });
  return found;
}
