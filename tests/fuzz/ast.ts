/** Walking typescript-estree trees without a visitor-keys table: every object-valued key but `parent`. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on every node under `root` (itself included), parents before children, in source order. */
export function forEachNode(root: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void): void {
  const walk = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    visit(node, parent);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) walk(child, node);
      } else if (isNode(value)) {
        walk(value, node);
      }
    }
  };
  walk(root, undefined);
}
