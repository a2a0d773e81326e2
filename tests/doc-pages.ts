/**
 * The examples of the rule docs (`docs/rules/<rule-id>.md`), read from the
 * pages: `tests/docs.test.ts` lints them, the fuzz tests mutate them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ExampleKind = 'correct' | 'fixed' | 'incorrect';

export interface Example {
  kind: ExampleKind;
  /** The heading the block sits under, for test names. */
  heading: string;
  /** Line of the opening fence in the page (1-based). */
  line: number;
  language: string;
  code: string;
}

export interface DocPage {
  ruleId: string;
  text: string;
  /** `## ` headings, in order. */
  sections: string[];
  examples: Example[];
}

const docsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');

const MARKERS: readonly (readonly [string, ExampleKind])[] = [
  ['❌ Incorrect', 'incorrect'],
  ['✅ Correct', 'correct'],
  ['🔧 After `--fix`', 'fixed'],
];

export function readDocPage(fileName: string): DocPage {
  const text = readFileSync(path.join(docsDir, fileName), 'utf8');
  const sections: string[] = [];
  const examples: Example[] = [];
  let heading = '';
  let fence: { language: string; line: number; lines: string[] } | undefined;

  text.split('\n').forEach((line, index) => {
    if (fence !== undefined) {
      if (/^```\s*$/u.test(line)) {
        const kind = MARKERS.find(([marker]) => heading.startsWith(marker))?.[1];
        if (kind !== undefined) {
          examples.push({ kind, heading, line: fence.line, language: fence.language, code: `${fence.lines.join('\n')}\n` });
        }
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      return;
    }
    const opening = /^```(\S*)\s*$/u.exec(line);
    if (opening !== null) {
      fence = { language: opening[1] ?? '', line: index + 1, lines: [] };
      return;
    }
    const headingMatch = /^(#{1,6}) (.*)$/u.exec(line);
    if (headingMatch !== null) {
      heading = headingMatch[2]?.trim() ?? '';
      if (headingMatch[1] === '##') sections.push(heading);
    }
  });

  return { ruleId: fileName.replace(/\.md$/u, ''), text, sections, examples };
}

/** Every doc page, sorted by file name. */
export function readDocPages(): DocPage[] {
  return readdirSync(docsDir)
    .filter((fileName) => fileName.endsWith('.md'))
    .sort()
    .map(readDocPage);
}
