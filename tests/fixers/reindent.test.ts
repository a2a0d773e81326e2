import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getLineIndent, reindentRange } from '../../src/fixers/reindent.js';
import { withSourceCode } from '../lint-probe.js';

/** The statements of the first arrow's block body, moved to `indent`, with `await ` put before each `return`ed value. */
function moveArrowBody(code: string, indent: string): string {
  return withSourceCode(code, (context) => {
    const sourceCode = context.sourceCode;
    const arrow = findFirst(sourceCode.ast, AST_NODE_TYPES.ArrowFunctionExpression);
    if (arrow.body.type !== AST_NODE_TYPES.BlockStatement) throw new Error('no block body');
    const first = arrow.body.body[0];
    const last = arrow.body.body.at(-1);
    if (first === undefined || last === undefined) throw new Error('empty body');
    const edits = arrow.body.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null
        ? [{ range: [statement.argument.range[0], statement.argument.range[0]] as TSESTree.Range, text: 'await ' }]
        : [],
    );
    return reindentRange(sourceCode, first.range[0], last.range[1], edits, indent);
  });
}

function findFirst<Type extends AST_NODE_TYPES>(root: TSESTree.Node, type: Type): Extract<TSESTree.Node, { type: Type }> {
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.shift(); node !== undefined; node = pending.shift()) {
    if (node.type === type) return node as Extract<TSESTree.Node, { type: Type }>;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (typeof child === 'object' && child !== null && 'type' in child) pending.push(child as TSESTree.Node);
      }
    }
  }
  throw new Error(`no ${type}`);
}

describe('reindentRange', () => {
  it('moves statements to a deeper indentation, keeping nested lines deeper', () => {
    expect(
      moveArrowBody(
        `
run(() => {
  if (ready) {
    go();
  }
  done();
});
`,
        '      ',
      ),
    ).toBe('      if (ready) {\n        go();\n      }\n      done();');
  });

  it('applies the edits before moving the text', () => {
    expect(
      moveArrowBody(
        `
run(() => {
  log();
  return fetchAll();
});
`,
        '    ',
      ),
    ).toBe('    log();\n    return await fetchAll();');
  });

  it('leaves the lines of a multi-line template literal alone', () => {
    expect(
      moveArrowBody(
        `
run(() => {
  const text = \`a
  b\`;
  print(text);
});
`,
        '    ',
      ),
    ).toBe('    const text = `a\n  b`;\n    print(text);');
  });

  it('takes the indentation of later lines when the first shares its line with the brace', () => {
    expect(
      moveArrowBody(
        `
run(() => { first();
    second();
});
`,
        '  ',
      ),
    ).toBe('  first();\n  second();');
  });
});

describe('getLineIndent', () => {
  it('gives the leading whitespace of the line a node starts on', () => {
    expect(
      withSourceCode('if (a) {\n\t  go();\n}\n', (context) =>
        getLineIndent(context.sourceCode, findFirst(context.sourceCode.ast, AST_NODE_TYPES.ExpressionStatement)),
      ),
    ).toBe('\t  ');
  });
});
