import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Finds how code at a given place can name an export of a module (a
 * `node:fs/promises` `readFile`, a `node:util` `promisify`), reusing what the
 * file already imports or requires, and otherwise plans the import to add:
 * a name added to an existing `import { … }` of that module, or a new
 * `import` (or `require`, in a CommonJS file) under a name nothing else in
 * the file uses.
 */

export interface ModuleExportRequest {
  /** The module specifiers that export it, the preferred one first: `['node:fs/promises', 'fs/promises']`. */
  readonly modules: readonly string[];
  readonly exportName: string;
  /**
   * A module that exports the first one as a namespace member, and that
   * member's name: `fs.promises` for `fs/promises` (`{ modules: ['node:fs', 'fs'], member: 'promises' }`).
   */
  readonly parent?: { readonly modules: readonly string[]; readonly member: string };
  /**
   * The parent module's namespace the code at hand already uses
   * (`fs` in `fs.readFileSync(p)`): `fs.promises.readFile` is reused only
   * through it, where it reads as the same API; otherwise a direct binding
   * is preferred, or added.
   */
  readonly parentNamespace?: string;
}

/** Text to insert at a position of the file: a whole import line, or a name added to an import's braces. */
export interface SourceAddition {
  readonly position: number;
  readonly text: string;
}

export interface ModuleExportReference {
  /** How the code names the export: `readFile`, `fsp.readFile`, `fs.promises.readFile`. */
  readonly text: string;
  /** What the file needs for `text` to mean that: nothing when an existing binding is reused. */
  readonly additions: readonly SourceAddition[];
}

/**
 * How code at `at` names `request`'s export. `taken` holds names already
 * chosen for other additions of the same change, so two additions do not
 * pick the same one.
 */
export function referenceModuleExport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  at: TSESTree.Node,
  request: ModuleExportRequest,
  taken: Set<string> = new Set(),
): ModuleExportReference {
  const program = sourceCode.ast;
  const isVisible = (name: string, declared: TSESTree.Identifier): boolean => {
    const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
    return variable?.defs.some((definition) => definition.name === declared) === true;
  };
  const existing = findExistingBinding(program, request, isVisible);
  if (existing !== undefined) return { text: existing, additions: [] };

  const localName = chooseFreeName(sourceCode, request.exportName, taken);
  taken.add(localName);
  const specifier = localName === request.exportName ? localName : `${request.exportName} as ${localName}`;
  const [preferredModule = ''] = request.modules;
  const moduleName = usesNodeScheme(program) ? preferredModule : preferredModule.replace(/^node:/u, '');

  if (isCommonJS(program)) {
    const pattern = localName === request.exportName ? localName : `${request.exportName}: ${localName}`;
    const line = `const { ${pattern} } = require('${moduleName}');`;
    return { text: localName, additions: [insertLineAfter(sourceCode, findLastRequire(program), line)] };
  }
  const extendable = findExtendableImport(program, request.modules);
  if (extendable !== undefined) {
    const last = extendable.specifiers.at(-1);
    if (last !== undefined) return { text: localName, additions: [{ position: last.range[1], text: `, ${specifier}` }] };
  }
  const line = `import { ${specifier} } from '${moduleName}';`;
  const lastImport = program.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration).at(-1);
  return { text: localName, additions: [insertLineAfter(sourceCode, lastImport, line)] };
}

/** Applies additions, joining those at the same position in the order given. */
export function applyAdditions(fixer: TSESLint.RuleFixer, additions: readonly SourceAddition[]): TSESLint.RuleFix[] {
  const byPosition = new Map<number, string>();
  for (const addition of additions) byPosition.set(addition.position, (byPosition.get(addition.position) ?? '') + addition.text);
  return [...byPosition].map(([position, text]) => fixer.insertTextAfterRange([position, position], text));
}

function findExistingBinding(
  program: TSESTree.Program,
  request: ModuleExportRequest,
  isVisible: (name: string, declared: TSESTree.Identifier) => boolean,
): string | undefined {
  const modules = new Set(request.modules);
  const parentModules = new Set(request.parent?.modules ?? []);
  const member = request.parent?.member;
  // Candidates in order of preference: the name itself, a namespace of the module, the parent's namespace.
  const candidates: { binding: TSESTree.Identifier; text: string }[] = [];
  const add = (binding: TSESTree.Identifier, path: string): void => {
    candidates.push({ binding, text: path === '' ? binding.name : `${binding.name}.${path}` });
  };
  const addNamespace = (binding: TSESTree.Identifier, isParent: boolean): void => {
    if (!isParent) add(binding, request.exportName);
    else if (binding.name === request.parentNamespace) add(binding, `${member ?? ''}.${request.exportName}`);
  };

  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') {
      const source = statement.source.value;
      const isModule = modules.has(source);
      const isParent = parentModules.has(source);
      if (!isModule && !isParent) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          const imported = getName(specifier.imported);
          if (isModule && imported === request.exportName) add(specifier.local, '');
          else if (isParent && imported === member) add(specifier.local, request.exportName);
        } else {
          addNamespace(specifier.local, isParent);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.importKind !== 'type') {
      const reference = statement.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) continue;
      const source = reference.expression.value;
      if (modules.has(source) || parentModules.has(source)) addNamespace(statement.id, parentModules.has(source));
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = getRequiredModule(declarator.init);
        if (source === undefined) continue;
        const isModule = modules.has(source);
        const isParent = parentModules.has(source);
        if (!isModule && !isParent) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          addNamespace(declarator.id, isParent);
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.computed || property.value.type !== AST_NODE_TYPES.Identifier) {
              continue;
            }
            const key = getName(property.key);
            if (isModule && key === request.exportName) add(property.value, '');
            else if (isParent && key === member) add(property.value, request.exportName);
          }
        }
      }
    }
  }
  const order = (text: string): number => (text.includes('.') ? text.split('.').length : 0);
  return candidates
    .filter((candidate) => isVisible(candidate.binding.name, candidate.binding))
    .sort((a, b) => order(a.text) - order(b.text))[0]?.text;
}

/** `require('fs')` gives `'fs'`. */
function getRequiredModule(init: TSESTree.Expression | null): string | undefined {
  if (
    init?.type !== AST_NODE_TYPES.CallExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== 'require' ||
    init.arguments.length !== 1
  ) {
    return undefined;
  }
  const [argument] = init.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

function getName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  return undefined;
}

/** A value import of one of the modules with named specifiers only, where one more name can go. */
function findExtendableImport(
  program: TSESTree.Program,
  modules: readonly string[],
): TSESTree.ImportDeclaration | undefined {
  return program.body.find(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.importKind !== 'type' &&
      modules.includes(statement.source.value) &&
      statement.specifiers.length > 0 &&
      statement.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
  );
}

/** A name no scope of the file declares and no code of it uses as a global. */
function chooseFreeName(sourceCode: Readonly<TSESLint.SourceCode>, preferred: string, taken: ReadonlySet<string>): string {
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  const isUsed = (name: string): boolean =>
    taken.has(name) ||
    scopes.some((scope) => scope.set.has(name) || scope.through.some((reference) => reference.identifier.name === name));
  for (const candidate of [preferred, `${preferred}Async`, `${preferred}Promise`]) {
    if (!isUsed(candidate)) return candidate;
  }
  for (let index = 2; ; index++) {
    if (!isUsed(`${preferred}${index}`)) return `${preferred}${index}`;
  }
}

/**
 * A file that loads modules with `require` and has no `import`: an added
 * `import` would make it an ES module.
 */
function isCommonJS(program: TSESTree.Program): boolean {
  const hasImport = program.body.some(
    (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration,
  );
  return !hasImport && findLastRequire(program) !== undefined;
}

function findLastRequire(program: TSESTree.Program): TSESTree.VariableDeclaration | undefined {
  return program.body
    .filter(
      (statement): statement is TSESTree.VariableDeclaration =>
        statement.type === AST_NODE_TYPES.VariableDeclaration &&
        statement.declarations.some((declarator) => getRequiredModule(declarator.init) !== undefined),
    )
    .at(-1);
}

/** Whether the file names built-in modules with the `node:` scheme (or names none without it). */
function usesNodeScheme(program: TSESTree.Program): boolean {
  const specifiers: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) specifiers.push(statement.source.value);
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = getRequiredModule(declarator.init);
        if (source !== undefined) specifiers.push(source);
      }
    }
  }
  if (specifiers.some((specifier) => specifier.startsWith('node:'))) return true;
  return !specifiers.some((specifier) => BUILTIN_MODULES.has(specifier));
}

const BUILTIN_MODULES = new Set(['child_process', 'crypto', 'fs', 'fs/promises', 'path', 'util', 'zlib', 'os', 'url', 'http', 'https', 'stream', 'events']);

/**
 * A line after `statement` (on a line of its own, indented as it is), or,
 * without one, before the first statement of the file that is not a
 * directive (`'use strict'`).
 */
function insertLineAfter(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node | undefined,
  line: string,
): SourceAddition {
  const program = sourceCode.ast;
  const lastDirective = program.body
    .filter((node) => node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined)
    .at(-1);
  const after = statement ?? lastDirective;
  if (after !== undefined) return { position: after.range[1], text: `\n${getIndentation(sourceCode, after)}${line}` };
  const first = program.body[0];
  if (first === undefined) return { position: program.range[1], text: `${line}\n` };
  return { position: first.range[0], text: `${line}\n${getIndentation(sourceCode, first)}` };
}

/** The white space before a node on its line, if nothing else stands there. */
function getIndentation(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const before = (sourceCode.lines[node.loc.start.line - 1] ?? '').slice(0, node.loc.start.column);
  return /^\s*$/u.test(before) ? before : '';
}
