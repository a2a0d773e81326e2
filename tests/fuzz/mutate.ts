/**
 * Mutations of a program: each takes the files of a case and gives new ones,
 * or `undefined` where it finds nothing to change. They edit text at the
 * ranges of typescript-estree nodes; a mutant may no longer parse (the runner
 * counts and skips those).
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, parse, type TSESTree } from '@typescript-eslint/typescript-estree';

import { forEachNode } from './ast.js';
import type { FileKind } from './corpus.js';
import type { Random } from './random.js';

export interface FuzzFile {
  /** `main` is the case's file; `other` the second file a split moves code into (always TypeScript). */
  role: 'main' | 'other';
  kind: FileKind;
  code: string;
}

export interface MutationContext {
  random: Random;
  /** Another program's code, for the crossover mutation. */
  donor: () => string;
}

export type Mutation = (files: FuzzFile[], context: MutationContext) => FuzzFile[] | undefined;

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Parsed {
  ast: TSESTree.Program;
  nodes: TSESTree.Node[];
  parents: Map<TSESTree.Node, TSESTree.Node | undefined>;
}

function parseFile(code: string, kind: FileKind): Parsed | undefined {
  let ast: TSESTree.Program;
  try {
    ast = parse(code, { filePath: `fuzz.${kind}`, jsx: kind !== 'ts', range: true, tokens: true });
  } catch {
    return undefined;
  }
  const nodes: TSESTree.Node[] = [];
  const parents = new Map<TSESTree.Node, TSESTree.Node | undefined>();
  forEachNode(ast, (node, parent) => {
    nodes.push(node);
    parents.set(node, parent);
  });
  return { ast, nodes, parents };
}

function applyEdits(code: string, edits: readonly Edit[]): string {
  let result = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression;
}

function enclosingFunction(parsed: Parsed, node: TSESTree.Node): FunctionNode | undefined {
  for (let current = parsed.parents.get(node); current !== undefined; current = parsed.parents.get(current)) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** Can `async ` be written right before this function's text (not a method, getter or constructor)? */
function canPrefixAsync(parsed: Parsed, node: FunctionNode): boolean {
  const parent = parsed.parents.get(node);
  if (node.type === AST_NODE_TYPES.FunctionExpression && (parent?.type === AST_NODE_TYPES.MethodDefinition || (parent?.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init')))) return false;
  return !node.async && !node.generator;
}

/** Statement lists: the program's, blocks', static blocks' and case clauses'. */
function statementLists(parsed: Parsed): TSESTree.Node[][] {
  const lists: TSESTree.Node[][] = [];
  for (const node of parsed.nodes) {
    if (node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.StaticBlock) lists.push(node.body);
    if (node.type === AST_NODE_TYPES.SwitchCase) lists.push(node.consequent);
  }
  return lists.filter((list) => list.length > 0);
}

function isModuleDeclaration(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ImportDeclaration || node.type.startsWith('Export') || node.type === AST_NODE_TYPES.TSImportEqualsDeclaration || node.type === AST_NODE_TYPES.TSExportAssignment;
}

/** Changes one file of the case (a random one of those that parse), keeping the others. */
function mutateOneFile(
  files: FuzzFile[],
  context: MutationContext,
  change: (file: FuzzFile, parsed: Parsed, random: Random) => string | undefined,
): FuzzFile[] | undefined {
  const file = context.random.pick(files);
  const parsed = parseFile(file.code, file.kind);
  if (parsed === undefined) return undefined;
  const code = change(file, parsed, context.random);
  if (code === undefined || code === file.code) return undefined;
  return files.map((other) => (other === file ? { ...file, code } : other));
}

/** Everything but the module declarations goes into an async function; `export` prefixes are dropped. */
const wrapInAsyncFunction: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const body = parsed.ast.body;
    if (body.length === 0) return undefined;
    const outside: string[] = [];
    const inside: string[] = [];
    for (const statement of body) {
      const text = file.code.slice(statement.range[0], statement.range[1]);
      if (
        (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) &&
        statement.declaration !== null &&
        statement.declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration &&
        statement.declaration.type !== AST_NODE_TYPES.TSTypeAliasDeclaration &&
        statement.declaration.type !== AST_NODE_TYPES.TSModuleDeclaration
      ) {
        const declaration = file.code.slice(statement.declaration.range[0], statement.declaration.range[1]);
        inside.push(statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && !statement.declaration.type.endsWith('Declaration') ? `void (${declaration});` : declaration);
      } else if (isModuleDeclaration(statement) || statement.type === AST_NODE_TYPES.TSModuleDeclaration || statement.type === AST_NODE_TYPES.TSDeclareFunction) {
        outside.push(text);
      } else {
        inside.push(text);
      }
    }
    const name = random.pick(['fuzzMain', 'handler', 'run']);
    const head = random.pick([
      `export async function ${name}() {`,
      `async function ${name}() {`,
      `export const ${name} = async () => {`,
      `void (async () => {`,
      `setTimeout(async () => {`,
    ]);
    const tail = head.startsWith('void') ? '})();' : head.startsWith('setTimeout') ? '}, 0);' : head.includes('=>') ? '};' : '}';
    return `${outside.join('\n')}\n${head}\n${inside.join('\n')}\n${tail}\n`;
  });

/** `await` before one to three calls whose function is async (or that sit at the top level). */
const addAwait: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const calls = parsed.nodes.filter((node): node is TSESTree.CallExpression | TSESTree.NewExpression => {
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
      if (node.callee.type === AST_NODE_TYPES.Super || parsed.parents.get(node)?.type === AST_NODE_TYPES.AwaitExpression) return false;
      const owner = enclosingFunction(parsed, node);
      return owner === undefined || owner.async || canPrefixAsync(parsed, owner);
    });
    if (calls.length === 0) return undefined;
    const edits: Edit[] = [];
    const madeAsync = new Set<TSESTree.Node>();
    for (let count = random.int(1, 3); count > 0; count -= 1) {
      const call = random.pick(calls);
      if (edits.some((edit) => edit.start === call.range[0])) continue;
      edits.push({ start: call.range[0], end: call.range[0], text: random.chance(0.5) ? 'await ' : '(await ' });
      if (edits.at(-1)?.text === '(await ') edits.push({ start: call.range[1], end: call.range[1], text: ')' });
      const owner = enclosingFunction(parsed, call);
      if (owner !== undefined && !owner.async && !madeAsync.has(owner)) {
        madeAsync.add(owner);
        edits.push({ start: owner.range[0], end: owner.range[0], text: 'async ' });
      }
    }
    return applyEdits(file.code, edits);
  });

/** Drops the `await` of one await expression (a floating promise, a lost wait). */
const removeAwait: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const awaits = parsed.nodes.filter((node): node is TSESTree.AwaitExpression => node.type === AST_NODE_TYPES.AwaitExpression);
    if (awaits.length === 0) return undefined;
    const chosen = random.pick(awaits);
    return applyEdits(file.code, [{ start: chosen.range[0], end: chosen.argument.range[0], text: random.chance(0.3) ? 'void ' : '' }]);
  });

/** Adds or removes `async` on one function. */
const toggleAsync: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const functions = parsed.nodes.filter(isFunction);
    if (functions.length === 0) return undefined;
    const chosen = random.pick(functions);
    if (chosen.async) {
      const text = file.code.slice(chosen.range[0], chosen.range[0] + 6);
      return text === 'async ' ? applyEdits(file.code, [{ start: chosen.range[0], end: chosen.range[0] + 6, text: '' }]) : undefined;
    }
    return canPrefixAsync(parsed, chosen) ? applyEdits(file.code, [{ start: chosen.range[0], end: chosen.range[0], text: 'async ' }]) : undefined;
  });

const FS_IMPORT = "import * as fuzzFs from 'node:fs';\n";

/** Callback shapes statements are moved into: [head, tail, needs the `node:fs` import]. */
const CALLBACKS: readonly (readonly [string, string, boolean])[] = [
  ['setTimeout(() => {', '}, 0);', false],
  ['setTimeout(async () => {', '});', false],
  ['setInterval(async () => {', '}, 1000);', false],
  ['Promise.resolve().then(() => {', '});', false],
  ['void Promise.resolve(1).then(async (value) => {', '});', false],
  ["fuzzFs.readFile('fuzz.txt', (err, data) => {", '});', true],
  ["fuzzFs.readFile('fuzz.txt', 'utf8', async (err, text) => {", '});', true],
  ["fuzzFs.stat('fuzz.txt', function (error, stats) {", '});', true],
  ['process.nextTick(() => {', '});', false],
  ['queueMicrotask(async () => {', '});', false],
  ['new Promise((resolve) => {', 'resolve(undefined);\n});', false],
  ['[1, 2, 3].forEach(async (item) => {', '});', false],
  ['for (const item of [1, 2, 3]) {', '}', false],
  ["process.on('message', async () => {", '});', false],
  ['(async () => {', '})();', false],
];

/** Moves a run of statements into a callback (a timer, a promise handler, a Node-style callback, a loop). */
const nestInCallback: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const lists = statementLists(parsed)
      .map((list) => list.filter((statement) => !isModuleDeclaration(statement)))
      .filter((list) => list.length > 0);
    if (lists.length === 0) return undefined;
    const list = random.pick(lists);
    const first = random.int(0, list.length - 1);
    const last = random.int(first, Math.min(list.length - 1, first + 3));
    const start = list[first]?.range[0] ?? 0;
    const end = list[last]?.range[1] ?? 0;
    const [head, tail, needsFs] = random.pick(CALLBACKS);
    const wrapped = applyEdits(file.code, [{ start, end, text: `${head}\n${file.code.slice(start, end)}\n${tail}` }]);
    return needsFs ? FS_IMPORT + wrapped : wrapped;
  });

const NEW_NAMES = ['renamed', 'then', 'resolve', 'reject', 'callback', 'cb', 'err', 'error', 'done', 'next', 'fs', 'promise', 'client', 'db', 'query', 'value', 'async', 'of', 'Promise', 'setTimeout'];

/** Renames every identifier of one name (declarations, uses and property names alike). */
const rename: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const identifiers = parsed.nodes.filter((node): node is TSESTree.Identifier => node.type === AST_NODE_TYPES.Identifier && file.code.slice(node.range[0], node.range[1]) === node.name);
    if (identifiers.length === 0) return undefined;
    const from = random.pick(identifiers).name;
    const to = random.chance(0.5) ? random.pick(NEW_NAMES) : `${random.pick(NEW_NAMES)}${String(random.int(1, 9))}`;
    const starts = new Set<number>();
    const edits: Edit[] = [];
    for (const identifier of identifiers) {
      if (identifier.name !== from || starts.has(identifier.range[0])) continue;
      starts.add(identifier.range[0]);
      edits.push({ start: identifier.range[0], end: identifier.range[0] + from.length, text: to });
    }
    return applyEdits(file.code, edits);
  });

/** Deletes one to three statements anywhere. */
const deleteStatements: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const lists = statementLists(parsed);
    if (lists.length === 0) return undefined;
    const edits: Edit[] = [];
    for (let count = random.int(1, 3); count > 0; count -= 1) {
      const statement = random.pick(random.pick(lists));
      if (edits.some((edit) => edit.start < statement.range[1] && statement.range[0] < edit.end)) continue;
      edits.push({ start: statement.range[0], end: statement.range[1], text: '' });
    }
    return applyEdits(file.code, edits);
  });

/** Keeps only the first top-level statements. */
const truncate: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const body = parsed.ast.body;
    if (body.length < 2) return undefined;
    const keep = random.int(1, body.length - 1);
    return file.code.slice(0, body[keep - 1]?.range[1]) + '\n';
  });

/** Inserts a statement of another program at a statement position (a crossover of two programs). */
const crossover: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const donorCode = context.donor();
    const donor = parseFile(donorCode, 'tsx') ?? parseFile(donorCode, 'ts');
    const candidates = donor === undefined ? [] : donor.nodes.filter((node) => node.type.endsWith('Statement') || node.type.endsWith('Declaration'));
    if (candidates.length === 0) return undefined;
    const statement = random.pick(candidates);
    const lists = statementLists(parsed);
    const at = lists.length === 0 ? 0 : random.pick(random.pick(lists)).range[random.chance(0.5) ? 0 : 1];
    return applyEdits(file.code, [{ start: at, end: at, text: `\n${donorCode.slice(statement.range[0], statement.range[1])}\n` }]);
  });

/** Wrappers for one expression: parentheses, sequences, casts, assertions, `void`, `await`, a call. */
const EXPRESSION_WRAPPERS: readonly (readonly [string, string, boolean])[] = [
  ['(', ')', false],
  ['(0, ', ')', false],
  ['(', ' as any)', true],
  ['(', ' as unknown as Promise<void>)', true],
  ['(', ')!', true],
  ['void ', '', false],
  ['(await ', ')', false],
  ['(async () => ', ')()', false],
  ['(() => ', ')()', false],
  ['((', ') satisfies unknown)', true],
  ['(Math.random() > 0.5 ? ', ' : undefined)', false],
  ['[', '][0]', false],
  ['`${', '}`', false],
  ['`a${1}b${', '}c`', false],
  ['String.raw`${', '}`', false],
];

/** Wraps one expression (an await's operand, a call, a callee, an argument) in something that keeps its meaning. */
const wrapExpression: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const expressions = parsed.nodes.filter((node) => {
      const parent = parsed.parents.get(node);
      if (parent === undefined) return false;
      return (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.AwaitExpression ||
        node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        node.type === AST_NODE_TYPES.FunctionExpression ||
        (node.type === AST_NODE_TYPES.Identifier && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ReturnStatement)) ||
        (node.type === AST_NODE_TYPES.MemberExpression && parent.type === AST_NODE_TYPES.CallExpression)
      );
    });
    if (expressions.length === 0) return undefined;
    const chosen = random.pick(expressions);
    const wrappers = EXPRESSION_WRAPPERS.filter(([, , typescriptOnly]) => file.kind !== 'js' || !typescriptOnly);
    const [before, after] = random.pick(wrappers);
    return applyEdits(file.code, [
      { start: chosen.range[0], end: chosen.range[0], text: before },
      { start: chosen.range[1], end: chosen.range[1], text: after },
    ]);
  });

/** Drops the semicolons that end statements (ASI then decides, so a fix that starts a line with `(` or `[` shows). */
const dropSemicolons: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed) => {
    const edits: Edit[] = [];
    for (const node of parsed.nodes) {
      if (node.type !== AST_NODE_TYPES.ExpressionStatement && node.type !== AST_NODE_TYPES.VariableDeclaration && node.type !== AST_NODE_TYPES.ReturnStatement) continue;
      const end = node.range[1];
      if (file.code[end - 1] === ';' && parsed.parents.get(node)?.type !== AST_NODE_TYPES.ForStatement) edits.push({ start: end - 1, end, text: '\n' });
    }
    return edits.length === 0 ? undefined : applyEdits(file.code, edits);
  });

/** Puts comments between tokens: fixes must keep them, and a line comment ends a line. */
const insertComments: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const tokens = parsed.ast.tokens ?? [];
    if (tokens.length < 2) return undefined;
    const edits: Edit[] = [];
    // Half of them beside the tokens fixes edit most: `async`, `await`, `=>`, parentheses.
    const edited = tokens.filter((token) => ['async', 'await', '=>', '(', ')', '{'].includes(token.value));
    for (let count = random.int(1, 6); count > 0; count -= 1) {
      const token = edited.length > 0 && random.chance(0.5) ? random.pick(edited) : random.pick(tokens);
      if (token.type === AST_TOKEN_TYPES.Template || token.type === AST_TOKEN_TYPES.JSXText) continue;
      edits.push({ start: token.range[1], end: token.range[1], text: random.pick([' /* fuzz */ ', '// fuzz\n', '\n/** fuzz */\n']) });
    }
    return edits.length === 0 ? undefined : applyEdits(file.code, edits);
  });

/** Makes type annotations `any`, `unknown` or `never` (the rules must not trust what is not there). */
const loosenTypes: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const annotations = parsed.nodes.filter((node): node is TSESTree.TSTypeAnnotation => node.type === AST_NODE_TYPES.TSTypeAnnotation);
    if (annotations.length === 0) return undefined;
    const edits: Edit[] = [];
    for (let count = random.int(1, 3); count > 0; count -= 1) {
      const annotation = random.pick(annotations).typeAnnotation;
      if (edits.some((edit) => edit.start < annotation.range[1] && annotation.range[0] < edit.end)) continue;
      edits.push({ start: annotation.range[0], end: annotation.range[1], text: random.pick(['any', 'unknown', 'never', 'Promise<any>', 'any[]', 'PromiseLike<unknown>', '() => void']) });
    }
    return applyEdits(file.code, edits);
  });

/** Turns a function declaration into a class's static method or an object literal's method, bound to the same name. */
const functionToMethod: Mutation = (files, context) =>
  mutateOneFile(files, context, (file, parsed, random) => {
    const declarations = parsed.nodes.filter(
      (node): node is TSESTree.FunctionDeclarationWithName =>
        node.type === AST_NODE_TYPES.FunctionDeclaration && node.id !== null && parsed.parents.get(node)?.type !== AST_NODE_TYPES.ExportNamedDeclaration && parsed.parents.get(node)?.type !== AST_NODE_TYPES.ExportDefaultDeclaration,
    );
    if (declarations.length === 0) return undefined;
    const chosen = random.pick(declarations);
    const name = chosen.id.name;
    const signature = `${chosen.async ? 'async ' : ''}${chosen.generator ? '*' : ''}${name}${file.code.slice(chosen.id.range[1], chosen.range[1])}`;
    const holder = `FuzzHolder${String(random.int(1, 99))}`;
    const text = random.chance(0.5)
      ? `class ${holder} {\n  static ${signature}\n}\nconst ${name} = ${holder}.${name};`
      : `const ${name} = {\n  ${signature},\n}.${name};`;
    return applyEdits(file.code, [{ start: chosen.range[0], end: chosen.range[1], text }]);
  });

function movableNames(statement: TSESTree.Node): string[] | undefined {
  switch (statement.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
      return statement.id === null ? undefined : [statement.id.name];
    case AST_NODE_TYPES.TSEnumDeclaration:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
      return statement.declare ? undefined : [statement.id.name];
    case AST_NODE_TYPES.VariableDeclaration: {
      if (statement.declare || statement.kind === 'using' || statement.kind === 'await using') return undefined;
      const names = statement.declarations.map((declarator) => (declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : undefined));
      return names.every((name) => name !== undefined) ? names : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Moves some top-level declarations of the main file into a second file that
 * exports them; the main file imports them (and both keep the imports).
 */
const splitIntoTwoFiles: Mutation = (files, context) => {
  const main = files.find((file) => file.role === 'main');
  if (main === undefined || files.some((file) => file.role === 'other')) return undefined;
  const parsed = parseFile(main.code, main.kind);
  if (parsed === undefined) return undefined;
  const movable = parsed.ast.body.filter((statement) => movableNames(statement) !== undefined);
  if (movable.length === 0) return undefined;
  const moved = movable.filter(() => context.random.chance(0.5));
  if (moved.length === 0) moved.push(context.random.pick(movable));
  const imports = parsed.ast.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration).map((statement) => main.code.slice(statement.range[0], statement.range[1]));
  const names = moved.flatMap((statement) => movableNames(statement) ?? []);
  const other = `${imports.join('\n')}\n${moved.map((statement) => `export ${main.code.slice(statement.range[0], statement.range[1])}`).join('\n')}\n`;
  const rest = applyEdits(main.code, moved.map((statement) => ({ start: statement.range[0], end: statement.range[1], text: '' })));
  const code = `import { ${[...new Set(names)].join(', ')} } from './other.js';\n${rest}`;
  return [{ ...main, code }, { role: 'other', kind: 'ts', code: other }];
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  wrapInAsyncFunction,
  addAwait,
  removeAwait,
  toggleAsync,
  nestInCallback,
  rename,
  deleteStatements,
  truncate,
  crossover,
  splitIntoTwoFiles,
  wrapExpression,
  dropSemicolons,
  insertComments,
  loosenTypes,
  functionToMethod,
};
