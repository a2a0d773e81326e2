import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import {
  type FunctionNode,
  getEnclosingFunction,
  getFunctionInLintedFile,
  getFunctionVariable,
  isFunctionNode,
} from '../../src/syntax/function-node.js';
import { createInMemoryProgram, findAll } from '../analysis/in-memory-program.js';
import { lintProbe } from '../lint-probe.js';

/** Every function of the code, by its line and its name with kind (`3 arrow function 'inner'`). */
function functionsByName(ast: TSESTree.Program): Map<string, FunctionNode> {
  const functions = [
    ...findAll(ast, AST_NODE_TYPES.FunctionDeclaration),
    ...findAll(ast, AST_NODE_TYPES.FunctionExpression),
    ...findAll(ast, AST_NODE_TYPES.ArrowFunctionExpression),
  ];
  return new Map(functions.map((node) => [nameOf(node), node]));
}

function nameOf(node: FunctionNode): string {
  return `${node.loc.start.line} ${ASTUtils.getFunctionNameWithKind(node)}`;
}

const code = `
export function outer() {
  const inner = () => {
    return [1].map(function named(n) { return n; });
  };
  function local() {}
  return { inner, local, method() {} };
}
const assigned = async function own() {};
let later;
later = () => 1;
export default function () {}
const [fromPattern] = [() => 2];
class C { m() { inMethod; } }
`;

describe('function nodes', () => {
  it('tells functions from other nodes', () => {
    lintProbe(code, (context) => {
      const ast = context.sourceCode.ast;
      expect([...functionsByName(ast).values()].every(isFunctionNode)).toBe(true);
      expect(isFunctionNode(ast)).toBe(false);
      expect(findAll(ast, AST_NODE_TYPES.MethodDefinition).map(isFunctionNode)).toEqual([false]);
    });
  });

  it('finds the innermost function around a node, never the node itself', () => {
    lintProbe(code, (context) => {
      const ast = context.sourceCode.ast;
      const enclosing = (node: TSESTree.Node): string | undefined => {
        const found = getEnclosingFunction(node);
        return found === undefined ? undefined : nameOf(found);
      };
      const returns = findAll(ast, AST_NODE_TYPES.ReturnStatement).map((node) => [context.sourceCode.getText(node), enclosing(node)]);
      expect(returns).toEqual([
        ['return [1].map(function named(n) { return n; });', "3 arrow function 'inner'"],
        ['return n;', "4 function 'named'"],
        ['return { inner, local, method() {} };', "2 function 'outer'"],
      ]);
      const functions = functionsByName(ast);
      expect(enclosing(functions.get("3 arrow function 'inner'") as FunctionNode)).toBe("2 function 'outer'");
      expect(enclosing(functions.get("2 function 'outer'") as FunctionNode)).toBeUndefined();
      const [methodStatement] = findAll(ast, AST_NODE_TYPES.ExpressionStatement).filter(
        (statement) => statement.expression.type === AST_NODE_TYPES.Identifier && statement.expression.name === 'inMethod',
      );
      expect(methodStatement && getEnclosingFunction(methodStatement)?.parent.type).toBe(AST_NODE_TYPES.MethodDefinition);
    });
  });

  it('finds the variable a function is bound to: its name or the const it initialises', () => {
    lintProbe(code, (context) => {
      const bound: Record<string, string | undefined> = {};
      for (const [name, node] of functionsByName(context.sourceCode.ast)) {
        const variable = getFunctionVariable(context.sourceCode, node);
        bound[name] = variable === undefined ? undefined : `${variable.name} in ${variable.scope.type}`;
      }
      expect(bound).toStrictEqual({
        "2 function 'outer'": 'outer in module',
        "3 arrow function 'inner'": 'inner in function',
        // A named function expression's own name is not the binding callers use.
        "4 function 'named'": undefined,
        "6 function 'local'": 'local in function',
        // A method, an assignment, a default export, a destructuring: no variable of its own.
        "7 method 'method'": undefined,
        "9 async function 'own'": 'assigned in module',
        "11 arrow function 'later'": undefined,
        "12 function 'default'": undefined,
        '13 arrow function': undefined,
        "14 method 'm'": undefined,
      });
    });
  });
});

describe('getFunctionVariable and a name the function reuses inside', () => {
  // Bug: `ASTUtils.findVariable(scope, identifier)` given the identifier node starts from the innermost
  // scope around that node, which for a declaration's own name is the function's scope (for an arrow the
  // lookup starts in the arrow's scope): a parameter or local of the same name is found instead. no-needless-async then reads the local's references as the
  // function's callers: for `async function log() { const log = console.log; log('x'); }` beside
  // `log().then(done)`, `--fix` removes `async` (`log('x')` looks like the only, discarded call) and
  // `log().then` throws at run time. Looking the name up as a string from that scope would not.
  it.fails('finds the function, not a parameter or local of the same name', () => {
    const code = `
function shadowed(shadowed: number) { void shadowed; }
async function log() { const log = console.log; log('x'); }
const arrow = async () => { const arrow = 1; return arrow; };
`;
    lintProbe(code, (context) => {
      const functions = functionsByName(context.sourceCode.ast);
      expect(
        [...functions.values()].map((node) => {
          const variable = getFunctionVariable(context.sourceCode, node);
          return variable && `${variable.name} in ${variable.scope.type}`;
        }),
      ).toEqual(['shadowed in module', 'log in module', 'arrow in module']);
    });
  });
});

describe('getFunctionInLintedFile', () => {
  const files = {
    'main.ts': `
import { imported } from './other';
export function declared() { return imported(); }
export const arrow = () => 1;
export class Service { run() { return 2; } }
export const object = { make() { return 3; } };
export const value = 4;
`,
    'other.ts': 'export function imported() { return 0; }\n',
  };
  const program = createInMemoryProgram(files);

  it('maps a declaration of the linted file to its ESTree function, a method to its value', () => {
    const found: Record<string, string | undefined> = {};
    lintProbe(
      files['main.ts'],
      (context) => {
        const services = ESLintUtils.getParserServices(context);
        const checker = services.program.getTypeChecker();
        const declarationOf = (name: string, fileName = 'main.ts'): ts.Declaration | undefined => {
          const sourceFile = services.program.getSourceFiles().find((file) => file.fileName.endsWith(`/${fileName}`));
          const module = sourceFile && checker.getSymbolAtLocation(sourceFile);
          return module && checker.getExportsOfModule(module).find((symbol) => symbol.name === name)?.valueDeclaration;
        };
        const describe = (declaration: ts.Node | undefined): string | undefined => {
          const node = declaration && getFunctionInLintedFile(services, context.sourceCode, declaration);
          return node === undefined ? undefined : `${node.type} ${node.parent.type}`;
        };
        const arrow = declarationOf('arrow') as ts.VariableDeclaration;
        const service = declarationOf('Service') as ts.ClassDeclaration;
        const object = declarationOf('object') as ts.VariableDeclaration;
        found.declared = describe(declarationOf('declared'));
        found.arrow = describe(arrow.initializer);
        found.method = describe(service.members[0]);
        found.objectMethod = describe((object.initializer as ts.ObjectLiteralExpression).properties[0]);
        found.imported = describe(declarationOf('imported', 'other.ts'));
        found.variable = describe(declarationOf('value'));
      },
      { program },
    );
    expect(found).toEqual({
      declared: 'FunctionDeclaration ExportNamedDeclaration',
      arrow: 'ArrowFunctionExpression VariableDeclarator',
      method: 'FunctionExpression MethodDefinition',
      objectMethod: 'FunctionExpression Property',
      // Another file: ESLint cannot edit it.
      imported: undefined,
      // Not a function.
      variable: undefined,
    });
  });
});
