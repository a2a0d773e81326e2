import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

const docsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules');

/**
 * The ❌ and ✅ code blocks of a rule's doc page, in order (the marker
 * convention of `tests/docs.test.ts`), so a proof runs the very code the page
 * shows.
 */
export function readDocExamples(ruleId: string): { incorrect: string[]; correct: string[] } {
  const text = readFileSync(path.join(docsDir, `${ruleId}.md`), 'utf8');
  const found = { incorrect: [] as string[], correct: [] as string[] };
  let heading = '';
  let fence: string[] | undefined;
  for (const line of text.split('\n')) {
    if (fence !== undefined) {
      if (/^```\s*$/u.test(line)) {
        const code = `${fence.join('\n')}\n`;
        if (heading.startsWith('❌ Incorrect')) found.incorrect.push(code);
        else if (heading.startsWith('✅ Correct')) found.correct.push(code);
        fence = undefined;
      } else {
        fence.push(line);
      }
      continue;
    }
    const headingMatch = /^#{2,6}\s+(.*)$/u.exec(line);
    if (headingMatch?.[1] !== undefined) heading = headingMatch[1];
    else if (line.startsWith('```ts')) fence = [];
  }
  return found;
}

/** Loads a doc example (TypeScript whose imports are type-only) as a module. */
export async function loadExample<Module>(code: string): Promise<Module> {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  if (/^\s*import\s[^'"]*from\s/mu.test(outputText)) throw new Error('a proof example may import types only');
  return (await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)) as Module;
}
