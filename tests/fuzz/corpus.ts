/**
 * The programs the fuzzer mutates: the code of our own rule tests, the
 * example project and the doc pages' examples. Read once per process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AST_NODE_TYPES, parse, type TSESTree } from '@typescript-eslint/typescript-estree';

import { readDocPages } from '../doc-pages.js';
import { forEachNode } from './ast.js';

export type SeedOrigin = 'doc' | 'example' | 'rule-test';

/** The kind of file a program is linted as. */
export type FileKind = 'js' | 'ts' | 'tsx';

export interface SeedProgram {
  origin: SeedOrigin;
  /** Where it comes from: `tests/rules/x.test.ts:12`, `examples/src/a.ts`, `docs/rules/x.md:30`. */
  source: string;
  kind: FileKind;
  code: string;
  /** An invalid rule-test case or a ❌ doc example: some rule reports it (and may fix it). */
  reported: boolean;
}

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Does the code parse as this kind of file (typescript-estree, as the typed parser reads it)? */
export function parses(code: string, kind: FileKind): boolean {
  try {
    parse(code, { filePath: `fuzz.${kind}`, jsx: kind !== 'ts' });
    return true;
  } catch {
    return false;
  }
}

function stringValue(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function kindOfFileName(fileName: string | undefined): FileKind | undefined {
  if (fileName === undefined) return undefined;
  if (fileName.endsWith('.tsx')) return 'tsx';
  if (fileName.endsWith('.js')) return 'js';
  return 'ts';
}

/**
 * The code strings of a RuleTester file: `code` properties of cases, and the
 * plain strings of `valid` arrays (a valid case may be just its code).
 */
export function readTestCodes(testFile: string): SeedProgram[] {
  const text = readFileSync(testFile, 'utf8');
  const ast = parse(text, { loc: true, range: true });
  const relative = path.relative(repoDir, testFile);
  const found: SeedProgram[] = [];
  const add = (node: TSESTree.Node, code: string, fileName: string | undefined, reported: boolean): void => {
    const kind = kindOfFileName(fileName) ?? (parses(code, 'ts') ? 'ts' : 'tsx');
    found.push({ origin: 'rule-test', source: `${relative}:${String(node.loc.start.line)}`, kind, code, reported });
  };
  forEachNode(ast, (node) => {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const code = node.properties.find((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'code');
      const fileNameProperty = node.properties.find(
        (property) => property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && ['filename', 'fileName'].includes(property.key.name),
      );
      const fileName = fileNameProperty?.type === AST_NODE_TYPES.Property ? stringValue(fileNameProperty.value) : undefined;
      const value = code?.type === AST_NODE_TYPES.Property ? stringValue(code.value) : undefined;
      const reported = node.properties.some((property) => property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'errors');
      if (code !== undefined && value !== undefined) add(code, value, fileName, reported);
    }
    if (node.type === AST_NODE_TYPES.Property && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === 'valid' && node.value.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of node.value.elements) {
        const value = element === null ? undefined : stringValue(element);
        if (element !== null && value !== undefined) add(element, value, undefined, false);
      }
    }
  });
  return found;
}

function listFiles(dir: string, accept: (fileName: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function readSeedPrograms(): SeedProgram[] {
  const testFiles = [
    ...listFiles(path.join(repoDir, 'tests', 'rules'), (name) => name.endsWith('.test.ts')),
    path.join(repoDir, 'tests', 'never-crash.test.ts'),
  ];
  const fromTests = testFiles.flatMap(readTestCodes);
  const fromExamples = listFiles(path.join(repoDir, 'examples', 'src'), (name) => name.endsWith('.ts')).map(
    (file): SeedProgram => ({ origin: 'example', source: path.relative(repoDir, file), kind: 'ts', code: readFileSync(file, 'utf8'), reported: true }),
  );
  const fromDocs = readDocPages().flatMap((page) =>
    page.examples.map((example): SeedProgram => ({ origin: 'doc', source: `docs/rules/${page.ruleId}.md:${String(example.line)}`, kind: 'ts', code: example.code, reported: example.kind !== 'correct' })),
  );
  return [...fromTests, ...fromExamples, ...fromDocs];
}

let seedPrograms: SeedProgram[] | undefined;

/** Every seed program, in a fixed order (the fuzzer picks from it by index). */
export function getSeedPrograms(): SeedProgram[] {
  seedPrograms ??= readSeedPrograms();
  return seedPrograms;
}
