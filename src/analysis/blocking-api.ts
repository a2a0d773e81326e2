import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { getAmbientModuleName } from './declaration-origin.js';
import { resolveAlias } from './symbols.js';

/**
 * Calls that block the event loop until their work is done: the synchronous
 * half of Node's file-system, child-process, compression and key-derivation
 * APIs, `Atomics.wait`, and a synchronous `XMLHttpRequest`. A call is one of
 * them when the checker resolves its callee, through every import, re-export,
 * `require` and `const` alias, to a declaration in that module's types; a
 * function of the program that happens to share a name is not.
 */

/** The Node modules whose `*Sync` functions block; `node:` names are the same modules. */
export type BlockingModule = 'child_process' | 'crypto' | 'fs' | 'zlib';

export type BlockingCall =
  | {
      readonly kind: 'module-function';
      readonly module: BlockingModule;
      /** The name the module declares it under (`readFileSync`, whatever the call site calls it). */
      readonly name: string;
      /** A method of a class of the module (`Dir#readSync`), not one of its functions. */
      readonly isMethod: boolean;
    }
  | { readonly kind: 'atomics-wait' }
  | { readonly kind: 'sync-xhr' };

/**
 * Which `*Sync` functions of each module block long enough to matter. All of
 * `fs` (each is a system call that waits for the disk or the network file
 * system) and `zlib` (compression of the whole input); `child_process` runs
 * a whole program. Of `crypto` only the deliberately slow ones: key
 * derivation, key-pair and prime generation. `randomFillSync`, `hkdfSync` and
 * `generateKeySync` fill a few bytes and are left alone.
 */
const BLOCKING_NAMES: Readonly<Record<BlockingModule, (name: string) => boolean>> = {
  fs: (name) => name.endsWith('Sync'),
  zlib: (name) => name.endsWith('Sync'),
  child_process: (name) => name === 'execSync' || name === 'execFileSync' || name === 'spawnSync',
  crypto: (name) =>
    name === 'pbkdf2Sync' ||
    name === 'scryptSync' ||
    name === 'generateKeyPairSync' ||
    name === 'generatePrimeSync' ||
    name === 'checkPrimeSync',
};

const MODULE_NAMES: ReadonlyMap<string, BlockingModule> = new Map(
  (['child_process', 'crypto', 'fs', 'zlib'] as const).flatMap((name) => [
    [name, name],
    [`node:${name}`, name],
  ]),
);

/**
 * Syntax first: whether a call could be a blocking one by the name it is
 * written with — `…Sync`, `wait` (`Atomics.wait`), `open` (`xhr.open`) — or
 * an identifier that `isRenamedSyncBinding` accepts (`import { readFileSync as read }`;
 * see `findRenamedSyncBindings`), asked only for identifiers without `Sync`.
 */
export function isBlockingCallCandidate(
  call: TSESTree.CallExpression,
  isRenamedSyncBinding: (name: string) => boolean,
): boolean {
  const callee = skipChainExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name.endsWith('Sync') || isRenamedSyncBinding(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const name = callee.property.name;
  return name.endsWith('Sync') || name === 'wait' || name === 'open';
}

/**
 * The local names of a file that stand for a `*Sync` function under another
 * name: `import { readFileSync as read }`, `const { execSync: run } =
 * require('child_process')`, `const read = fs.readFileSync`. Read from the
 * scope manager, so a rule can ask the checker only about these names.
 */
export function findRenamedSyncBindings(sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const names = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      if (variable.name.endsWith('Sync')) continue;
      if (variable.defs.some(isRenamedSyncDefinition)) names.add(variable.name);
    }
  }
  return names;
}

function isRenamedSyncDefinition(definition: TSESLint.Scope.Definition): boolean {
  const name = definition.name;
  const parent = name.parent;
  if (parent.type === AST_NODE_TYPES.ImportSpecifier) return getStaticName(parent.imported)?.endsWith('Sync') === true;
  // `const { execSync: run } = …`
  if (parent.type === AST_NODE_TYPES.Property && parent.value === name && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
    return !parent.computed && getStaticName(parent.key)?.endsWith('Sync') === true;
  }
  // `const read = fs.readFileSync`, `const read = readFileSync`
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === name && parent.init !== null) {
    const init = parent.init;
    if (init.type === AST_NODE_TYPES.Identifier) return init.name.endsWith('Sync');
    return (
      init.type === AST_NODE_TYPES.MemberExpression && !init.computed && getStaticName(init.property)?.endsWith('Sync') === true
    );
  }
  return false;
}

function getStaticName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  return undefined;
}

const symbolCache = cachePerChecker(() => new Map<ts.Symbol, BlockingCall | null>());

/**
 * What blocking API a call runs, through the checker; `undefined` for every
 * other call. Ask `isBlockingCallCandidate` first.
 */
export function classifyBlockingCall(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
): BlockingCall | undefined {
  const checker = services.program.getTypeChecker();
  const callee = skipChainExpression(call.callee);
  const nameNode =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property
        : undefined;
  if (nameNode === undefined) return undefined;
  const symbol = resolveCalleeSymbol(checker, services.esTreeNodeToTSNodeMap.get(nameNode));
  if (symbol === undefined) return undefined;

  const cache = symbolCache(checker);
  let blocking = cache.get(symbol);
  if (blocking === undefined) {
    blocking = classifySymbol(services.program, symbol) ?? null;
    cache.set(symbol, blocking);
  }
  if (blocking?.kind === 'sync-xhr' && !isSynchronousOpen(services, call)) return undefined;
  return blocking ?? undefined;
}

/**
 * The symbol a callee name stands for, past import and `require` aliases and
 * past `const` bindings initialised with another name
 * (`const read = fs.readFileSync`), a few steps deep.
 */
function resolveCalleeSymbol(checker: ts.TypeChecker, name: ts.Node): ts.Symbol | undefined {
  let symbol = checker.getSymbolAtLocation(name);
  for (let step = 0; step < 4 && symbol !== undefined; step++) {
    symbol = resolveAlias(checker, symbol);
    const declaration = symbol?.valueDeclaration;
    if (
      declaration === undefined ||
      !ts.isVariableDeclaration(declaration) ||
      declaration.type !== undefined ||
      !tsutils.isNodeFlagSet(declaration.parent, ts.NodeFlags.Const) ||
      declaration.getSourceFile().isDeclarationFile
    ) {
      return symbol;
    }
    const initializer = declaration.initializer;
    const next =
      initializer === undefined
        ? undefined
        : ts.isIdentifier(initializer)
          ? initializer
          : ts.isPropertyAccessExpression(initializer)
            ? initializer.name
            : undefined;
    if (next === undefined) return symbol;
    symbol = checker.getSymbolAtLocation(next);
  }
  return symbol;
}

function classifySymbol(program: ts.Program, symbol: ts.Symbol): BlockingCall | undefined {
  for (const declaration of symbol.declarations ?? []) {
    const sourceFile = declaration.getSourceFile();
    if (!sourceFile.isDeclarationFile) continue;
    const moduleName = getAmbientModuleName(declaration);
    const module = moduleName === undefined ? undefined : MODULE_NAMES.get(moduleName);
    const name = ts.getNameOfDeclaration(declaration);
    if (module !== undefined && name !== undefined && ts.isIdentifier(name) && BLOCKING_NAMES[module](name.text)) {
      const isMethod = ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration);
      return { kind: 'module-function', module, name: name.text, isMethod };
    }
    if (!program.isSourceFileDefaultLibrary(sourceFile) || name === undefined || !ts.isIdentifier(name)) continue;
    const owner = declaration.parent;
    if (!ts.isInterfaceDeclaration(owner)) continue;
    if (owner.name.text === 'Atomics' && name.text === 'wait') return { kind: 'atomics-wait' };
    if (owner.name.text === 'XMLHttpRequest' && name.text === 'open') return { kind: 'sync-xhr' };
  }
  return undefined;
}

/** `xhr.open(method, url, false)`: the third argument is certainly `false`. */
function isSynchronousOpen(services: ParserServicesWithTypeInformation, call: TSESTree.CallExpression): boolean {
  const isAsync = call.arguments[2];
  if (isAsync === undefined || isAsync.type === AST_NODE_TYPES.SpreadElement) return false;
  const type = services.getTypeAtLocation(isAsync);
  return tsutils.isFalseLiteralType(type);
}

/**
 * A `node:fs` path argument that is certainly a path (a string, `URL` or
 * `Buffer`), never a file descriptor: the promise API takes a path or a
 * `FileHandle`, not a number. `any` and `unknown` may be a number.
 */
export function isCertainlyPath(services: ParserServicesWithTypeInformation, argument: TSESTree.Node): boolean {
  const checker = services.program.getTypeChecker();
  const type = services.getTypeAtLocation(argument);
  return tsutils
    .unionConstituents(checker.getBaseConstraintOfType(type) ?? type)
    .every(
      (member) =>
        !tsutils.isTypeFlagSet(member, ts.TypeFlags.NumberLike) &&
        !tsutils.isIntrinsicAnyType(member) &&
        !tsutils.isIntrinsicUnknownType(member),
    );
}

/** An argument list for a command (`execFileSync(file, ['status'])`), not an options object. */
export function isArgumentList(services: ParserServicesWithTypeInformation, argument: TSESTree.Node): boolean {
  const type = services.getTypeAtLocation(argument);
  return !tsutils.isIntrinsicAnyType(type) && services.program.getTypeChecker().isArrayLikeType(type);
}
