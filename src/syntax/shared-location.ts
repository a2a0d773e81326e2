import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from './function-node.js';
import { isLoopStatement } from './loop.js';

/**
 * A place a value is stored that code can name again: a variable, or a path
 * of static property steps from `this` or a variable (`this.total`,
 * `counter.n`, `this.counts[key]` with a `key` nothing reassigns).
 */
export interface StorageLocation {
  /** Equal for two mentions of one location (the root variable by its declaration, not its name). */
  readonly key: string;
  /** `this` or the identifier the path starts from. */
  readonly root: TSESTree.Identifier | TSESTree.ThisExpression;
  /** The root's variable; `undefined` for `this` and for a global nothing declares (`process`, `window`). */
  readonly variable: TSESLint.Scope.Variable | undefined;
  /** How many property steps follow the root: `0` for a variable itself. */
  readonly depth: number;
}

/** Who else can reach a location while the function that writes it waits. */
export type LocationVisibility =
  /** Only this call of the function: its own variable, or a property of an object it created. */
  | 'local'
  /** Other tasks can: `this`, a parameter's object, module state, a variable of an enclosing function. */
  | 'shared'
  /** We cannot tell (a local bound to a call's result, a reassigned alias): treated as local. */
  | 'unknown';

/**
 * The location an expression names, or `undefined` when it is not a path we
 * can follow (a call's result, a computed key from an expression, `super`).
 * Optional steps (`a?.b`) and `!` count as plain steps: they read the same place.
 */
export function getStorageLocation(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): StorageLocation | undefined {
  const steps: string[] = [];
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.ChainExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
      continue;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) break;
    const step = getStepKey(sourceCode, current);
    if (step === undefined) return undefined;
    steps.unshift(step);
    current = current.object;
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) {
    const owner = getThisOwner(current);
    if (owner === undefined) return undefined;
    return { key: `this@${String(owner.range[0])}${steps.join('')}`, root: current, variable: undefined, depth: steps.length };
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(current), current) ?? undefined;
  const declared = variable?.defs[0]?.name.range[0];
  const rootKey = declared === undefined ? `global:${current.name}` : `${current.name}@${String(declared)}`;
  return { key: `${rootKey}${steps.join('')}`, root: current, variable, depth: steps.length };
}

/**
 * Whether `inner` is `outer` or a place inside it (`this.cart.total` is in
 * `this.cart`): reading `inner` reads what `outer` held.
 */
export function isWithinLocation(inner: StorageLocation, outer: StorageLocation): boolean {
  if (inner.key === outer.key) return true;
  if (!inner.key.startsWith(outer.key)) return false;
  const next = inner.key.charAt(outer.key.length);
  return next === '.' || next === '[';
}

/**
 * Whether another task can reach `location` while `writer` (the async
 * function that reads and writes it) waits:
 * - `this` in a method, a function or a class field: the object outlives the
 *   call, and other calls on it run meanwhile;
 * - a variable declared outside the function (module state, an enclosing
 *   function's variable, a global), unless the function is called once, right
 *   where it is written (an immediately invoked function expression) and the
 *   variable belongs to an enclosing function;
 * - a property of a parameter: the caller holds the object;
 * - a property of a local that aliases one of those (`const s = this.state`),
 *   never reassigned.
 * The function's own variables, and properties of objects it created
 * (`const totals = { n: 0 }`, `new Map()`), are local: nobody else holds them.
 */
export function getLocationVisibility(
  sourceCode: Readonly<TSESLint.SourceCode>,
  location: StorageLocation,
  writer: FunctionNode,
): LocationVisibility {
  return getVisibility(sourceCode, location, writer, 0);
}

function getVisibility(
  sourceCode: Readonly<TSESLint.SourceCode>,
  location: StorageLocation,
  writer: FunctionNode,
  aliasDepth: number,
): LocationVisibility {
  if (location.root.type === AST_NODE_TYPES.ThisExpression) return 'shared';
  const variable = location.variable;
  if (variable === undefined) return 'shared';
  const owner = variable.scope.variableScope.block;
  if (owner.type === AST_NODE_TYPES.Program || owner.type === AST_NODE_TYPES.TSModuleDeclaration) {
    return location.depth > 0 || isReassignableVariable(variable) ? 'shared' : 'local';
  }
  if (owner !== writer) {
    if (!isFunctionNode(owner) || !contains(owner, writer)) return 'unknown';
    return isCalledOnceInPlace(writer) && !isInLoopBelow(writer, owner) ? 'local' : 'shared';
  }
  if (location.depth === 0) return 'local';
  const definition = variable.defs[0];
  if (definition === undefined || variable.defs.length > 1) return 'unknown';
  if (definition.type === TSESLint.Scope.DefinitionType.Parameter) return 'shared';
  if (definition.type !== TSESLint.Scope.DefinitionType.Variable) return 'unknown';
  const declarator = definition.node;
  if (declarator.init === null) return 'unknown';
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name)) return 'unknown';
  if (declarator.id.type === AST_NODE_TYPES.Identifier && isFreshObject(declarator.init)) return 'local';
  const aliased = getBoundLocation(sourceCode, variable);
  if (aliased === undefined || aliasDepth > 8) return 'unknown';
  // `const s = this.state`: a property of `s` is one of `this.state`'s.
  const through: StorageLocation = { ...aliased, depth: aliased.depth + location.depth };
  return getVisibility(sourceCode, through, writer, aliasDepth + 1);
}

/**
 * The location a local's value was read from when it was declared:
 * `const n = store.n` and `const { n } = store` both give `store.n`;
 * `undefined` for anything else (a call, a default value, a nested pattern).
 */
export function getBoundLocation(
  sourceCode: Readonly<TSESLint.SourceCode>,
  variable: TSESLint.Scope.Variable,
): StorageLocation | undefined {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
  const { id, init } = definition.node;
  if (init === null) return undefined;
  if (id.type === AST_NODE_TYPES.Identifier) return getStorageLocation(sourceCode, init);
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const property = id.properties.find(
    (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
  );
  if (property === undefined || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = getStorageLocation(sourceCode, init);
  if (object === undefined) return undefined;
  return { ...object, key: `${object.key}.${property.key.name}`, depth: object.depth + 1 };
}

/** An expression that makes a new object nobody else holds yet. */
export function isFreshObject(node: TSESTree.Expression): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return isFreshObject(node.expression);
    default:
      return false;
  }
}

/** `.name`, `.#name`, `[0]`/`['name']` as `.0`/`.name`, or `[key@declared]` for a `key` nothing reassigns. */
function getStepKey(sourceCode: Readonly<TSESLint.SourceCode>, member: TSESTree.MemberExpression): string | undefined {
  const property = member.property;
  if (property.type === AST_NODE_TYPES.PrivateIdentifier) return `.#${property.name}`;
  if (!member.computed) return property.type === AST_NODE_TYPES.Identifier ? `.${property.name}` : undefined;
  if (property.type === AST_NODE_TYPES.Literal && (typeof property.value === 'string' || typeof property.value === 'number')) {
    return `.${String(property.value)}`;
  }
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return `.${property.quasis[0]?.value.cooked ?? ''}`;
  }
  if (property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(property), property);
  const definition = variable?.defs[0];
  if (variable === null || definition === undefined || variable.defs.length > 1) return undefined;
  // A key that changes between the read and the write names another place each time.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name)) return undefined;
  return `[${property.name}@${String(definition.name.range[0])}]`;
}

/**
 * The function or class whose `this` a `this` is: the nearest enclosing
 * non-arrow function, or the class of a field initialiser or static block;
 * `undefined` at the top level, where `this` is no shared object.
 */
function getThisOwner(node: TSESTree.ThisExpression): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | null | undefined = node.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

/** `let`/`var` (a variable code can assign), not a `const`, import, function or class name. */
function isReassignableVariable(variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  return (
    definition?.type === TSESLint.Scope.DefinitionType.Variable &&
    (definition.parent.kind === 'let' || definition.parent.kind === 'var')
  );
}

/** `(async () => { … })()`: runs once, here, and nothing else calls it. */
function isCalledOnceInPlace(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  let node: TSESTree.Node = fn;
  while (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression) {
    node = node.parent;
  }
  return node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
}

/** A loop between `node` and `outer`: what runs in it may run many times, side by side. */
function isInLoopBelow(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  for (let current = node.parent; current != null && current !== outer; current = current.parent) {
    if (isLoopStatement(current)) return true;
  }
  return false;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
