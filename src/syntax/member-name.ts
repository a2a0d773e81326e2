import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/**
 * A member's name as the runtime sees it, for ESTree class and object
 * members: `name`, `'name'`, `['name']` and `1` as written, `#name` with its
 * `#` (a private name is another name than the public one). `undefined` when
 * the key is computed from something other than a literal.
 */
export function getStaticMemberName(
  member:
    | TSESTree.MethodDefinition
    | TSESTree.Property
    | TSESTree.PropertyDefinition
    | TSESTree.TSAbstractMethodDefinition,
): string | undefined {
  const key = member.key;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!member.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  return undefined;
}

/**
 * The same for a TypeScript class or type member (`'next'` and `next` are one
 * name; a private name keeps its `#`, as `getStaticMemberName` gives it);
 * `undefined` when computed from something other than a literal.
 */
export function getDeclaredMemberName(member: ts.ClassElement | ts.TypeElement): string | undefined {
  const name = member.name;
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return name.text;
  }
  if (ts.isPrivateIdentifier(name)) return name.text;
  // `['size']()`: a computed name that is a literal is still that one name.
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteralLike(name.expression) || ts.isNumericLiteral(name.expression))) {
    return name.expression.text;
  }
  return undefined;
}
