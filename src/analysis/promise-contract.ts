import {
  AST_NODE_TYPES,
  ASTUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { type FunctionNode, getEnclosingFunction, getFunctionVariable } from '../syntax/function-node.js';
import { getStaticMemberName } from '../syntax/member-name.js';
import { askChecker } from './checker-guard.js';
import { getInheritedMemberTypes, isMethodOverriddenInProgram } from './class-hierarchy.js';
import { getCalledSignatureDeclaration } from './function-summary.js';
import { classifyThenability } from './thenable.js';
import { findCalls, findValueUses } from './value-uses.js';

/**
 * True when something outside the function requires it to return a promise,
 * so `async` must stay even if the body is synchronous:
 * - a class member that implements an interface member, an abstract member,
 *   or overrides a base member declared to return a promise, or that a
 *   subclass of the program overrides;
 * - a function whose contextual type (a parameter it is passed to, the type
 *   of the variable or property it is assigned to, a `satisfies`, a declared
 *   return type) returns a promise, or returns something we cannot judge —
 *   except a type parameter the call infers from the function itself
 *   (`items.map(async (item) => …)`) — or, for an overloaded callee, where
 *   another signature that the call fits takes a promise-returning function
 *   there;
 * - a method of an object literal whose context is `any`, whose contextual
 *   member returns a promise (also where the literal is stored in a `const`
 *   or returned by a factory and used later), or that sits beside
 *   `[Symbol.asyncIterator]`;
 * - an async IIFE whose promise is kept as a value (pushed, passed, stored);
 * - a function whose uses as a value — in any file of the program, under
 *   any name an import or export gives it — are passed or assigned where
 *   such a contextual type applies (`app.post('/x', controller.list)`,
 *   `handler.bind(context)`);
 * - a function whose promise a caller hands on as its own required one: a
 *   call of it returned by a function that is not `async` and whose return
 *   type (declared or contextual) is a promise (`release(): Promise<void> {
 *   return this.releaseConnection(); }`).
 */
export function isPromiseReturnRequiredByContract(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): boolean {
  // A contract the checker cannot tell counts as one: the function keeps `async`.
  return askChecker(true, () => isRequiredByContract(services, sourceCode, node));
}

function isRequiredByContract(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): boolean {
  const checker = services.program.getTypeChecker();
  const parent = node.parent;

  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === node
  ) {
    if (parent.decorators.some((decorator) => decoratorMayWantPromise(services, decorator))) return true;
    if (isClassMemberContract(services, parent)) return true;
    if (!parent.static && isMemberWantedThroughInstances(services, parent)) return true;
    if (parent.type === AST_NODE_TYPES.MethodDefinition) return isUsedAsPromiseSource(services, node);
  }

  if (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const objectType = checker.getContextualType(services.esTreeNodeToTSNodeMap.get(parent.parent));
    // `mockResolvedValue({ json: async () => … })`: an `any` context could want anything.
    if (objectType !== undefined && (tsutils.isIntrinsicAnyType(objectType) || tsutils.isIntrinsicUnknownType(objectType))) {
      return true;
    }
    if (objectType !== undefined) {
      const memberTypes = getContextualMemberTypes(checker, objectType, parent);
      if (memberTypes === undefined || memberTypes.some((type) => typeDemandsPromiseReturn(checker, type))) return true;
    } else if (isObjectMemberContractThroughReferences(services, sourceCode, parent)) {
      return true;
    }
    if (isAsyncIteratorMethod(parent)) return true;
    if (parent.method) return isUsedAsPromiseSource(services, node);
  }

  if (isInvokedForItsPromise(node)) return true;

  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if ((ts.isFunctionExpression(tsNode) || ts.isArrowFunction(tsNode)) && argumentDemandsPromiseReturn(services, node, tsNode)) {
    return true;
  }

  return isUsedAsPromiseSource(services, node);
}

/**
 * An async IIFE whose promise is kept — pushed, passed, stored, returned from
 * a function that is not itself async: the IIFE is there to make that promise,
 * and `async` turns a synchronous throw into a rejection its holder handles
 * (graphile-worker: `promises.push((async () => void safeEmit(…))())`, "wrap in
 * async IIFE to capture synchronous errors"). Dropped, `void`ed, awaited or
 * returned from an async function on the spot, the promise is needless again.
 */
function isInvokedForItsPromise(node: FunctionNode): boolean {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  const call = node.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) return false;
  const consumer = call.parent;
  switch (consumer.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return false;
    case AST_NODE_TYPES.ReturnStatement:
      return getEnclosingFunction(consumer)?.async !== true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return !consumer.async;
    default:
      return true;
  }
}

/**
 * An object literal bound to a variable has no contextual type where it is
 * written, but may meet one where the variable is used:
 * `const jar = { async getCookie() {…} }; request({ cookieJar: jar })`.
 * Follows the property path from the outermost literal to the member and
 * asks each use of the variable.
 */
function isObjectMemberContractThroughReferences(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): boolean {
  const propertyPath: string[] = [];
  let member: TSESTree.Property = property;
  for (;;) {
    const name = getStaticMemberName(member);
    if (name === undefined) return true;
    propertyPath.unshift(name);
    const objectLiteral = member.parent;
    if (objectLiteral.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const holder = objectLiteral.parent;
    if (holder.type === AST_NODE_TYPES.Property && holder.value === objectLiteral && holder.parent.type === AST_NODE_TYPES.ObjectExpression) {
      member = holder;
      continue;
    }
    const checker = services.program.getTypeChecker();
    return getUsesOfObjectLiteral(sourceCode, objectLiteral).some((use) => {
      const tsUse = services.esTreeNodeToTSNodeMap.get(use);
      if (!ts.isExpression(tsUse)) return false;
      const contextualType = checker.getContextualType(tsUse);
      if (contextualType === undefined) return false;
      const memberTypes = followPropertyPath(checker, contextualType, propertyPath);
      return memberTypes.some((type) => typeDemandsPromiseReturn(checker, type));
    });
  }
}

/**
 * Where an object literal's value goes on to be used: each read of the
 * `const` it initialises, or each call of the function bound to a `const`
 * that returns it (`const makeJar = () => ({ … })`).
 */
function getUsesOfObjectLiteral(
  sourceCode: Readonly<TSESLint.SourceCode>,
  objectLiteral: TSESTree.ObjectExpression,
): TSESTree.Node[] {
  const holder = objectLiteral.parent;
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === objectLiteral && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(holder), holder.id);
    return (variable?.references ?? [])
      .filter((reference) => reference.init !== true && reference.isValueReference)
      .map((reference) => reference.identifier);
  }
  const returningFunction =
    holder.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === objectLiteral
      ? holder
      : holder.type === AST_NODE_TYPES.ReturnStatement
        ? getEnclosingFunction(holder)
        : undefined;
  if (returningFunction === undefined) return [];
  const variable = getFunctionVariable(sourceCode, returningFunction);
  return (variable?.references ?? []).flatMap((reference) => {
    const call = reference.identifier.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
}

function followPropertyPath(checker: ts.TypeChecker, type: ts.Type, propertyPath: readonly string[]): ts.Type[] {
  let current = [type];
  for (const name of propertyPath) {
    current = current.flatMap((candidate) =>
      tsutils.unionConstituents(checker.getNonNullableType(candidate)).flatMap((constituent) => {
        const symbol = checker.getPropertyOfType(checker.getApparentType(constituent), name);
        return symbol === undefined ? [] : [checker.getTypeOfSymbol(symbol)];
      }),
    );
  }
  return current;
}

/** `next`/`return`/`throw` beside `[Symbol.asyncIterator]`: the async iteration protocol wants promises. */
function isAsyncIteratorMethod(property: TSESTree.Property): boolean {
  const name = getStaticMemberName(property);
  if (name !== 'next' && name !== 'return' && name !== 'throw') return false;
  return property.parent.properties.some(
    (sibling) =>
      sibling.type === AST_NODE_TYPES.Property &&
      sibling.computed &&
      sibling.key.type === AST_NODE_TYPES.MemberExpression &&
      sibling.key.object.type === AST_NODE_TYPES.Identifier &&
      sibling.key.object.name === 'Symbol' &&
      sibling.key.property.type === AST_NODE_TYPES.Identifier &&
      sibling.key.property.name === 'asyncIterator',
  );
}

/**
 * A decorator receives the method (standard decorators: as the first
 * parameter) and may call it expecting a promise
 * (`timed(target: (...args: A) => Promise<R>, context)`). Legacy decorators
 * receive the prototype and a descriptor, which say nothing: assume it may.
 */
function decoratorMayWantPromise(services: ParserServicesWithTypeInformation, decorator: TSESTree.Decorator): boolean {
  const checker = services.program.getTypeChecker();
  const signatures = services.getTypeAtLocation(decorator.expression).getCallSignatures();
  if (signatures.length === 0) return true;
  return signatures.some((signature) => {
    const target = signature.getParameters()[0];
    return target === undefined || typeDemandsPromiseReturn(checker, checker.getTypeOfSymbol(target));
  });
}

/** The contextual type asks for a function returning a thenable (or something unknowable). */
function typeDemandsPromiseReturn(checker: ts.TypeChecker, type: ts.Type): boolean {
  const nonNullable = checker.getNonNullableType(type);
  if (tsutils.isIntrinsicAnyType(nonNullable) || tsutils.isIntrinsicUnknownType(nonNullable)) return true;
  const signatures = tsutils
    .unionConstituents(nonNullable)
    .flatMap((member) => checker.getApparentType(member).getCallSignatures());
  // `Function`, `object` and the like say nothing about the return: assume the worst.
  if (signatures.length === 0) return true;
  return signatures.some(
    (signature) => classifyThenability(checker, checker.getReturnTypeOfSignature(signature)) !== 'not-thenable',
  );
}

/**
 * Whether the place a function value stands in wants a function returning a
 * promise. An argument of a generic call is judged by the callee's declared
 * parameter: in `items.map(async (item) => item.id)` the contextual return
 * type is `map`'s `U`, inferred from this very callback, so it wants nothing
 * the callback did not bring itself. Elsewhere the contextual type decides.
 */
function argumentDemandsPromiseReturn(
  services: ParserServicesWithTypeInformation,
  node: TSESTree.Node,
  tsNode: ts.Expression,
): boolean {
  const declared = declaredParameterDemandsPromiseReturn(services, node);
  if (declared !== undefined) return declared;
  const checker = services.program.getTypeChecker();
  const contextualType = checker.getContextualType(tsNode);
  if (contextualType !== undefined && typeDemandsPromiseReturn(checker, contextualType)) return true;
  const call = tsNode.parent;
  return (
    (ts.isCallExpression(call) || ts.isNewExpression(call)) &&
    someOverloadTakesPromiseFunction(checker, call, call.arguments?.indexOf(tsNode) ?? -1)
  );
}

/**
 * The callee has several signatures, and one that the call fits takes a
 * function returning a promise at this argument position. The checker types
 * the argument by the first signature that fits, and an async function fits
 * a `() => void` one too: Mocha's `after(fn: Func)` comes before
 * `after(fn: AsyncFunc)`, whose promise Mocha waits for; agenda's
 * `define(name, processor: (job, done) => void)` comes before
 * `define(name, processor: (job) => Promise<void>)`. "Fits": it takes as many
 * arguments as the call passes, every other argument is assignable to its
 * parameter (`on('drain', () => Promise<void>)` says nothing for
 * `on('ready', async () => …)`), and a function written at the call declares
 * no more required parameters than that signature's callback takes
 * (`async (job, done) => …` is not `(job) => Promise<void>`). A parameter
 * that takes no function at all (`name: string`) says nothing.
 */
function someOverloadTakesPromiseFunction(
  checker: ts.TypeChecker,
  call: ts.CallExpression | ts.NewExpression,
  index: number,
): boolean {
  const callArguments = call.arguments ?? ts.factory.createNodeArray();
  if (index < 0 || callArguments.some((argument) => ts.isSpreadElement(argument))) return false;
  const calleeType = checker.getTypeAtLocation(call.expression);
  const signatures = ts.isNewExpression(call) ? calleeType.getConstructSignatures() : calleeType.getCallSignatures();
  if (signatures.length < 2) return false;
  const argument = callArguments[index];
  const requiredParameters =
    argument !== undefined && (ts.isFunctionExpression(argument) || ts.isArrowFunction(argument))
      ? countRequiredParameters(argument.parameters)
      : 0;
  return signatures.some((signature) => {
    // `getDeclaration()` is typed as always there, but a signature made up by the checker has none.
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    const parameters = declaration?.parameters.filter((parameter) => !isThisParameter(parameter));
    if (parameters === undefined || parameters.some((parameter) => parameter.dotDotDotToken !== undefined)) return false;
    if (callArguments.length < countRequiredParameters(parameters) || callArguments.length > parameters.length) return false;
    const parameterTypes = signature.getParameters().map((parameter) => checker.getTypeOfSymbol(parameter));
    const callbackType = parameterTypes[index];
    if (callbackType === undefined) return false;
    const takesPromiseFunction = tsutils
      .unionConstituents(checker.getNonNullableType(callbackType))
      .flatMap((member) => checker.getApparentType(member).getCallSignatures())
      .some(
        (accepted) =>
          requiredParameters <= accepted.getParameters().length &&
          classifyThenability(checker, checker.getReturnTypeOfSignature(accepted)) === 'thenable',
      );
    return (
      takesPromiseFunction &&
      callArguments.every((other, position) => {
        const parameterType = parameterTypes[position];
        return position === index || (parameterType !== undefined && checker.isTypeAssignableTo(checker.getTypeAtLocation(other), parameterType));
      })
    );
  });
}

/**
 * For an argument of a call to a generic function whose parameter there is a
 * function type returning one of the callee's own type parameters: whether
 * that type parameter's constraint asks for a thenable. `undefined` in every
 * other case, where the contextual type is the better witness.
 */
function declaredParameterDemandsPromiseReturn(
  services: ParserServicesWithTypeInformation,
  argument: TSESTree.Node,
): boolean | undefined {
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  return genericParameterDemandsPromiseReturn(
    services.program.getTypeChecker(),
    services.esTreeNodeToTSNodeMap.get(call),
    index,
  );
}

function genericParameterDemandsPromiseReturn(
  checker: ts.TypeChecker,
  call: ts.CallExpression | ts.NewExpression,
  index: number,
): boolean | undefined {
  const declaration = getCalledSignatureDeclaration(checker, call);
  const typeParameters = declaration?.typeParameters;
  const parameter = declaration?.parameters[index];
  if (typeParameters === undefined || parameter === undefined || parameter.dotDotDotToken !== undefined) return undefined;
  const ownTypeParameters = new Set(typeParameters.map((typeParameter) => checker.getTypeAtLocation(typeParameter)));
  const declaredType = checker.getTypeAtLocation(parameter);
  const signatures = tsutils
    .unionConstituents(checker.getNonNullableType(declaredType))
    .flatMap((member) => member.getCallSignatures());
  const returnTypes = signatures.map((signature) => checker.getReturnTypeOfSignature(signature));
  if (returnTypes.length === 0 || !returnTypes.every((type) => ownTypeParameters.has(type))) return undefined;
  return returnTypes.some((type) => {
    const constraint = type.getConstraint();
    return constraint !== undefined && classifyThenability(checker, constraint) !== 'not-thenable';
  });
}

function isUsedAsPromiseSource(services: ParserServicesWithTypeInformation, node: FunctionNode): boolean {
  return isValueUsedAsPromiseFunction(services, node) || isResultReturnedAsRequiredPromise(services, node);
}

/**
 * A call of the function (in any file that can name it) is what a function
 * that is not `async` returns where its return type wants a promise: the
 * promise is the caller's contract, and without `async` here the caller
 * would have to make it (`Promise.resolve(…)`) at the same cost. An `async`
 * caller makes its own promise; a caller whose return type is inferred
 * demands nothing.
 */
function isResultReturnedAsRequiredPromise(services: ParserServicesWithTypeInformation, node: FunctionNode): boolean {
  const holder = getValueHolder(services, node);
  if (holder === undefined) return false;
  const checker = services.program.getTypeChecker();
  return findCalls(services.program, holder).some((call) => {
    let returned: ts.Expression = call;
    while (ts.isParenthesizedExpression(returned.parent)) returned = returned.parent;
    const user = returned.parent;
    const caller = ts.isReturnStatement(user)
      ? ts.findAncestor(user.parent, ts.isFunctionLike)
      : ts.isArrowFunction(user) && user.body === returned
        ? user
        : undefined;
    if (caller === undefined || isAsyncOrGenerator(caller)) return false;
    const wanted = checker.getContextualType(returned);
    return wanted !== undefined && classifyThenability(checker, wanted) === 'thenable';
  });
}

function isAsyncOrGenerator(declaration: ts.SignatureDeclaration): boolean {
  const modifiers = ts.canHaveModifiers(declaration) ? ts.getModifiers(declaration) : undefined;
  return (
    tsutils.includesModifier(modifiers, ts.SyntaxKind.AsyncKeyword) ||
    ((ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isMethodDeclaration(declaration)) &&
      declaration.asteriskToken !== undefined)
  );
}

/**
 * A use of the function as a value (found in any file that can name it)
 * stands where a promise-returning function is expected:
 * `app.post('/orders', orders.list)`, `retry(loadDefaults)` elsewhere,
 * `handler.bind(context)` passed on.
 */
function isValueUsedAsPromiseFunction(services: ParserServicesWithTypeInformation, node: FunctionNode): boolean {
  const holder = getValueHolder(services, node);
  if (holder === undefined) return false;
  const checker = services.program.getTypeChecker();
  return findValueUses(services.program, holder).some((use) => {
    const call = use.parent;
    if (ts.isCallExpression(call) || ts.isNewExpression(call)) {
      const index = call.arguments?.indexOf(use) ?? -1;
      const declared = index < 0 ? undefined : genericParameterDemandsPromiseReturn(checker, call, index);
      if (declared !== undefined) return declared;
      if (someOverloadTakesPromiseFunction(checker, call, index)) return true;
    }
    const contextualType = checker.getContextualType(use);
    return contextualType !== undefined && typeDemandsPromiseReturn(checker, contextualType);
  });
}

/**
 * A class without `implements` can still stand in for an interface: a test
 * double or a DI implementation (`new UserService(new FakeRepo())` with a
 * parameter typed `UserRepo`). Follows the class to where its instances go —
 * `new C()` passed or stored directly, or through a `const` — and to where
 * the class itself is passed as a constructor, and asks whether the type
 * expected there gives this member a promise return.
 */
function isMemberWantedThroughInstances(
  services: ParserServicesWithTypeInformation,
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): boolean {
  const name = getStaticMemberName(member);
  const classNode = services.esTreeNodeToTSNodeMap.get(member.parent.parent);
  const classHolder = ts.isClassExpression(classNode) && ts.isVariableDeclaration(classNode.parent) ? classNode.parent : classNode;
  if (name === undefined) return false;
  const program = services.program;
  const checker = program.getTypeChecker();
  const tsMember = services.esTreeNodeToTSNodeMap.get(member);
  const wantsPromise = (expected: ts.Type | undefined): boolean =>
    expected !== undefined &&
    tsutils.unionConstituents(checker.getNonNullableType(expected)).some((constituent) => {
      const property = checker.getPropertyOfType(checker.getApparentType(constituent), name);
      // The class's own type (`const runner: Runner = new Runner()`) only repeats this member's own `async`.
      if (property === undefined || property.declarations?.includes(tsMember) === true) return false;
      return typeDemandsPromiseReturn(checker, checker.getTypeOfSymbol(property));
    });
  return findValueUses(program, classHolder).some((use) => {
    const construction = use.parent;
    if (!ts.isNewExpression(construction) || construction.expression !== use) {
      // The class itself, handed on as a constructor: what must its instances be?
      const expected = checker.getContextualType(use);
      return (
        expected !== undefined &&
        expected.getConstructSignatures().some((signature) => wantsPromise(checker.getReturnTypeOfSignature(signature)))
      );
    }
    if (wantsPromise(checker.getContextualType(construction))) return true;
    const holder = construction.parent;
    return (
      ts.isVariableDeclaration(holder) &&
      holder.initializer === construction &&
      findValueUses(program, holder).some((instanceUse) => wantsPromise(checker.getContextualType(instanceUse)))
    );
  });
}

/** The declaration whose uses carry the function: its own, the variable it initialises, the member holding it. */
function getValueHolder(services: ParserServicesWithTypeInformation, node: FunctionNode): ts.Declaration | undefined {
  const parent = node.parent;
  // Also `export default async function () {}`, found through the default imports.
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return services.esTreeNodeToTSNodeMap.get(node);
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) return services.esTreeNodeToTSNodeMap.get(parent);
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.PropertyDefinition ||
      parent.type === AST_NODE_TYPES.Property) &&
    parent.value === node
  ) {
    return services.esTreeNodeToTSNodeMap.get(parent);
  }
  return undefined;
}

function isClassMemberContract(
  services: ParserServicesWithTypeInformation,
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): boolean {
  const classNode = member.parent.parent;
  const checker = services.program.getTypeChecker();
  const tsMember = services.esTreeNodeToTSNodeMap.get(member);
  // A method that subclasses of the program redeclare: its promise return is theirs to keep.
  if (ts.isMethodDeclaration(tsMember) && isMethodOverriddenInProgram(services.program, checker, tsMember)) return true;
  if (classNode.superClass === null && classNode.implements.length === 0) return member.override;
  const inherited = getInheritedMemberTypes(checker, tsMember);
  // A computed name, or a base the checker cannot resolve, may match any contract.
  if (inherited === undefined) return true;
  // The contract binds only when the inherited member's declared return is a promise.
  if (inherited.some((type) => typeDemandsPromiseReturn(checker, type))) return true;
  // `override` of a member we could not find (a mixin, an unresolved base): cannot tell.
  return member.override && inherited.length === 0;
}

/** The types the object literal's contextual type gives one of its members (`undefined`: cannot tell). */
function getContextualMemberTypes(
  checker: ts.TypeChecker,
  objectType: ts.Type,
  property: TSESTree.Property,
): ts.Type[] | undefined {
  const name = getStaticMemberName(property);
  if (name === undefined) return undefined;
  const memberTypes: ts.Type[] = [];
  for (const constituent of tsutils.unionConstituents(checker.getNonNullableType(objectType))) {
    const apparent = checker.getApparentType(constituent);
    const symbol = checker.getPropertyOfType(apparent, name);
    if (symbol !== undefined) {
      memberTypes.push(checker.getTypeOfSymbol(symbol));
      continue;
    }
    const indexType = checker.getIndexInfosOfType(apparent).find((info) =>
      tsutils.isTypeFlagSet(info.keyType, ts.TypeFlags.String),
    )?.type;
    if (indexType !== undefined) memberTypes.push(indexType);
  }
  return memberTypes;
}

function countRequiredParameters(parameters: readonly ts.ParameterDeclaration[]): number {
  return parameters.filter(
    (parameter) =>
      !isThisParameter(parameter) &&
      parameter.initializer === undefined &&
      parameter.questionToken === undefined &&
      parameter.dotDotDotToken === undefined,
  ).length;
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === 'this';
}
