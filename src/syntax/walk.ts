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
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const item of Array.isArray(child) ? (child as unknown[]) : [child]) {
        if (isESTreeNode(item)) children.push(item);
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
