import { AST_NODE_TYPES, ASTUtils, TSESLint, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

/**
 * The most elements an array can hold, when the program shows it: a tuple
 * type (`[A, B]`, `readonly [A, B?]`, an `as const` array), an array literal
 * written in place, or an array literal bound to a `const` that nothing can
 * grow. `undefined` means "not known", which callers must read as "not small".
 *
 * A `const` binding is followed only when every use of it is a read that
 * cannot change its length: `xs.length`, `xs[i]`, `for (… of xs)`, a spread
 * `[...xs]`, and the array methods that do not mutate (`map`, `filter`,
 * `slice`…) with inline callbacks that do not take the array itself as a
 * parameter. Anything else — `push`, `splice`, `xs.length = 0`, `xs[i] = v`,
 * passing `xs` to a function, storing it in another variable, exporting it,
 * a top-level `const` of a script (other scripts share it) — means the length
 * is not known. Conservative on purpose: a wrong "small" would remove a yield
 * the program needs.
 */
export function getKnownLength(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Expression,
): number | undefined {
  return getLength(services, sourceCode, expression, 0);
}

/** How deep `const a = b; const b = [..]` chains are followed (a cycle is a type error, but typed while editing). */
const MAX_DEPTH = 8;

function getLength(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Expression,
  depth: number,
): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expression.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return getLiteralLength(services, sourceCode, expression, depth);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      // `[a, b] as const`, `[a, b] satisfies Item[]`: the literal below decides; an `as T[]` may claim anything.
      if (expression.type === AST_NODE_TYPES.TSAsExpression && !isConstAssertion(expression.typeAnnotation)) break;
      return getLength(services, sourceCode, expression.expression, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const initializer = getUngrownConstInitializer(services, sourceCode, expression);
      if (initializer !== undefined) return getLength(services, sourceCode, initializer, depth + 1);
      break;
    }
    default:
      break;
  }
  return getTupleLength(services.getTypeAtLocation(expression));
}

function getLiteralLength(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  literal: TSESTree.ArrayExpression,
  depth: number,
): number | undefined {
  let length = 0;
  for (const element of literal.elements) {
    if (element?.type === AST_NODE_TYPES.SpreadElement) {
      const spread = getLength(services, sourceCode, element.argument, depth + 1);
      if (spread === undefined) return undefined;
      length += spread;
    } else {
      // A hole (`[a, , b]`) is an element too.
      length += 1;
    }
  }
  return length;
}

/** The element count of a tuple type without rest elements (for a union, the largest). */
export function getTupleLength(type: ts.Type): number | undefined {
  let longest = 0;
  for (const member of tsutils.unionConstituents(type)) {
    if (!tsutils.isTupleTypeReference(member)) return undefined;
    const tuple = member.target;
    if ((tuple.combinedFlags & ts.ElementFlags.Variable) !== 0) return undefined;
    longest = Math.max(longest, tuple.elementFlags.length);
  }
  return longest;
}

function isConstAssertion(annotation: TSESTree.TypeNode): boolean {
  return (
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'const'
  );
}

/**
 * The initializer of the `const` that `identifier` names, when no use of the
 * binding can change the array's length.
 */
function getUngrownConstInitializer(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === null || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = definition.node;
  if (declarator.parent.kind !== 'const' || declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null) {
    return undefined;
  }
  if (declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration || isScriptGlobal(services, variable)) {
    return undefined;
  }
  const uses = variable.references.filter((reference) => reference.init !== true && !reference.isTypeReference);
  return uses.every((reference) => cannotGrow(reference.identifier)) ? declarator.init : undefined;
}

/** A top-level binding of a script (a file without import/export): other scripts of the program see it. */
function isScriptGlobal(services: ParserServicesWithTypeInformation, variable: TSESLint.Scope.Variable): boolean {
  const scopeType = variable.scope.type;
  if (scopeType !== TSESLint.Scope.ScopeType.global && scopeType !== TSESLint.Scope.ScopeType.module) return false;
  const [definition] = variable.defs;
  return definition === undefined || !ts.isExternalModule(services.esTreeNodeToTSNodeMap.get(definition.name).getSourceFile());
}

/**
 * Array methods that neither change the array nor hand it to code that
 * could: their callbacks (first argument) receive the array as a further
 * parameter, so those must be inline functions that do not declare it.
 */
const READING_METHODS = new Map<string, number | undefined>([
  // method → the parameter index at which a callback would receive the array (undefined: no callback)
  ['at', undefined],
  ['concat', undefined],
  ['entries', undefined],
  ['includes', undefined],
  ['indexOf', undefined],
  ['join', undefined],
  ['keys', undefined],
  ['lastIndexOf', undefined],
  ['slice', undefined],
  ['toReversed', undefined],
  ['toSorted', undefined],
  ['toSpliced', undefined],
  ['toString', undefined],
  ['values', undefined],
  ['with', undefined],
  ['every', 2],
  ['filter', 2],
  ['find', 2],
  ['findIndex', 2],
  ['findLast', 2],
  ['findLastIndex', 2],
  ['flatMap', 2],
  ['forEach', 2],
  ['map', 2],
  ['reduce', 3],
  ['reduceRight', 3],
  ['some', 2],
]);

/** The identifier stands where its array is only read: no use through it can change the length. */
function cannotGrow(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  // `(xs as Item[])`, `xs!`: look at where the wrapped value goes.
  while (
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent == null) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ForOfStatement:
      return parent.right === node;
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type === AST_NODE_TYPES.ArrayExpression || parent.parent.type === AST_NODE_TYPES.CallExpression;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && isReadingMember(parent);
    default:
      return false;
  }
}

function isReadingMember(member: TSESTree.MemberExpression): boolean {
  if (isWriteTarget(member)) return false;
  // `xs[i]`, `xs[0]`: a read of an element.
  if (member.computed) return true;
  if (member.property.type !== AST_NODE_TYPES.Identifier) return false;
  const name = member.property.name;
  if (name === 'length') return true;
  if (!READING_METHODS.has(name)) return false;
  const call = member.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const arrayParameterIndex = READING_METHODS.get(name);
  if (arrayParameterIndex === undefined) return true;
  const [callback] = call.arguments;
  return (
    (callback?.type === AST_NODE_TYPES.ArrowFunctionExpression || callback?.type === AST_NODE_TYPES.FunctionExpression) &&
    callback.params.length <= arrayParameterIndex &&
    !callback.params.some((parameter) => parameter.type === AST_NODE_TYPES.RestElement)
  );
}

/** `xs.length = 0`, `xs[9] = v`, `xs[0]++`, `delete xs[0]`, `[xs[0]] = …`, `for (xs[0] of …)`. */
function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === member;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === member;
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.AssignmentPattern:
    case AST_NODE_TYPES.RestElement:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.value === member && parent.parent.type === AST_NODE_TYPES.ObjectPattern;
    default:
      return false;
  }
}
