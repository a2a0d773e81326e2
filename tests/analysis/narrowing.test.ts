import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findUncertainNarrowings, isNarrowedTypeCertain } from '../../src/analysis/narrowing.js';
import { classifyValueThenability } from '../../src/analysis/thenable.js';
import { parseWithTypes } from './in-memory-program.js';

const declarations = `
declare function probe(value: unknown): void;
declare function later(callback: () => void): void;
`;

/** The arguments of every `probe(…)` call in `main.ts`, in source order, with the checker. */
function probes(code: string, files: Record<string, string> = {}) {
  const { program, checker } = parseWithTypes({ 'main.ts': declarations + code, ...files });
  const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('main.ts'));
  if (sourceFile === undefined) throw new Error('main.ts not in the program');
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'probe') {
      const argument = node.arguments[0];
      if (argument !== undefined) found.push(argument);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { checker, probed: found };
}

describe('isNarrowedTypeCertain', () => {
  it('trusts variables whose every write the checker sees', () => {
    const { checker, probed } = probes(`
export function f(items: number[], input: string | Promise<string>) {
  const fixed = items.length;
  let counted;
  counted = items.length;
  later(() => console.log(counted, input));
  if (typeof input === 'string') probe(input);
  probe(fixed);
  probe(counted);
}
`);
    expect(probed.map((node) => isNarrowedTypeCertain(checker, node))).toEqual([true, true, true]);
  });

  it('distrusts variables and parameters that a nested function writes, in any way', () => {
    const { checker, probed } = probes(`
export function f(input: string | Promise<string>) {
  let assigned;
  let destructured;
  let spread: unknown[] = [];
  let counter = 0;
  later(() => {
    assigned = fetch('/a');
    ({ destructured } = { destructured: fetch('/b') });
    [...spread] = [fetch('/c')];
    counter++;
    input = fetch('/d').then((response) => response.text());
  });
  probe(assigned);
  probe(destructured);
  probe(spread);
  probe(counter);
  if (typeof input === 'string') probe(input);
}
`);
    expect(probed.map((node) => isNarrowedTypeCertain(checker, node))).toEqual([false, false, false, false, false]);
  });

  it('tells a variable from another of the same name in a nested function', () => {
    const { checker, probed } = probes(`
export function f() {
  let result;
  result = 1;
  later(() => {
    let result;
    result = fetch('/a');
    probe(result);
  });
  probe(result);
}
`);
    expect(probed.map((node) => isNarrowedTypeCertain(checker, node))).toEqual([true, true]);
  });

  it('distrusts properties, which any call may write, and the globals of a script, which any file may', () => {
    const properties = probes(`
export class Worker {
  pending: Promise<void> | undefined;
  run() {
    this.pending = undefined;
    probe(this.pending);
    probe(this['pending']);
  }
}
`);
    expect(properties.probed.map((node) => isNarrowedTypeCertain(properties.checker, node))).toEqual([false, false]);
    const script = probes(`
let shared: Promise<void> | undefined;
shared = undefined;
probe(shared);
`);
    expect(script.probed.map((node) => isNarrowedTypeCertain(script.checker, node))).toEqual([false]);
  });
});

describe('findUncertainNarrowings', () => {
  it('gives each uncertain reference of a value with its declared type', () => {
    const { checker, probed } = probes(`
export class Worker {
  pending: Promise<void> | undefined;
  count = 0;
  run(flag: boolean) {
    let completing;
    later(() => {
      completing = fetch('/a');
    });
    this.pending = undefined;
    probe(completing);
    probe(this.pending);
    probe(flag ? this.count : (completing ?? this.pending)!);
    probe(this.count);
  }
}
`);
    const describe = (node: ts.Expression) =>
      findUncertainNarrowings(checker, node).map(({ reference, declaredType }) => [
        reference.getText(),
        declaredType === undefined ? undefined : checker.typeToString(declaredType),
      ]);
    expect(describe(probed[0] as ts.Expression)).toEqual([['completing', 'any']]);
    expect(describe(probed[1] as ts.Expression)).toEqual([['this.pending', 'Promise<void> | undefined']]);
    expect(describe(probed[2] as ts.Expression)).toEqual([
      ['completing', 'any'],
      ['this.pending', 'Promise<void> | undefined'],
    ]);
    // Not narrowed at all: the checker's type is the declared one.
    expect(describe(probed[3] as ts.Expression)).toEqual([]);
  });
});

describe('classifyValueThenability', () => {
  it('lets the declared type decide where the narrowing is uncertain', () => {
    const { checker, probed } = probes(`
export function f(items: number[]) {
  let completing;
  let total = 0;
  later(() => {
    completing = fetch('/a');
  });
  items.forEach((item) => {
    total += item;
  });
  probe(completing);
  probe(total);
}
`);
    const [completing, total] = probed as [ts.Expression, ts.Expression];
    expect(checker.typeToString(checker.getTypeAtLocation(completing))).toBe('undefined');
    expect(classifyValueThenability(checker, completing, checker.getTypeAtLocation(completing))).toBe('unknown');
    // Declared `number`: whatever the callback wrote, it is no promise.
    expect(classifyValueThenability(checker, total, checker.getTypeAtLocation(total))).toBe('not-thenable');
  });
});
