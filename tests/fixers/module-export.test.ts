import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { referenceModuleExport, type ModuleExportRequest, type SourceAddition } from '../../src/fixers/module-export.js';
import { runTypedProbe } from '../analysis/typed-probe.js';

const readFile: ModuleExportRequest = {
  modules: ['node:fs/promises', 'fs/promises'],
  exportName: 'readFile',
  parent: { modules: ['node:fs', 'fs'], member: 'promises' },
};
const promisify: ModuleExportRequest = { modules: ['node:util', 'util'], exportName: 'promisify' };

/** How the code at `probe()` names each request, and the file once the additions are made. */
async function reference(
  code: string,
  requests: readonly ModuleExportRequest[],
  fileName?: string,
): Promise<{ texts: string[]; output: string }> {
  const texts: string[] = [];
  const additions: SourceAddition[] = [];
  await runTypedProbe(
    code,
    (context: Readonly<TSESLint.RuleContext<never, []>>) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const taken = new Set<string>();
        for (const request of requests) {
          const found = referenceModuleExport(context.sourceCode, node, request, taken);
          texts.push(found.text);
          additions.push(...found.additions);
        }
      },
    }),
    fileName,
  );
  let output = code;
  for (const addition of [...additions].sort((a, b) => b.position - a.position)) {
    output = output.slice(0, addition.position) + addition.text + output.slice(addition.position);
  }
  return { texts, output };
}

const probe = 'declare function probe(): void;\n';

describe('referenceModuleExport', () => {
  it('reuses a named, namespace or default import of the module', async () => {
    const named = await reference(`import { readFile as read } from 'node:fs/promises';\n${probe}probe();\n`, [readFile]);
    expect(named.texts).toEqual(['read']);
    const namespace = await reference(`import * as fsp from 'fs/promises';\n${probe}probe();\n`, [readFile]);
    expect(namespace.texts).toEqual(['fsp.readFile']);
    const byDefault = await reference(`import fsp from 'node:fs/promises';\n${probe}probe();\n`, [readFile]);
    expect(byDefault.texts).toEqual(['fsp.readFile']);
    const member = await reference(`import { promises as p } from 'node:fs';\n${probe}probe();\n`, [readFile]);
    expect(member.texts).toEqual(['p.readFile']);
    // Nothing is added.
    expect([named, namespace, byDefault, member].map((result) => result.output.split('\n').length)).toEqual([4, 4, 4, 4]);
  });

  it("reuses the parent module's namespace only where the code already goes through it", async () => {
    const code = `import * as fs from 'node:fs';\n${probe}probe();\n`;
    expect((await reference(code, [{ ...readFile, parentNamespace: 'fs' }])).texts).toEqual(['fs.promises.readFile']);
    const other = await reference(code, [readFile]);
    expect(other.texts).toEqual(['readFile']);
    expect(other.output).toBe(`import * as fs from 'node:fs';\nimport { readFile } from 'node:fs/promises';\n${probe}probe();\n`);
    const importEquals = await reference(`import fs = require('fs');\n${probe}probe();\n`, [{ ...readFile, parentNamespace: 'fs' }]);
    expect(importEquals.texts).toEqual(['fs.promises.readFile']);
  });

  it('adds a name to an import of the module, or a new import in the style of the file', async () => {
    expect((await reference(`import { writeFile } from 'node:fs/promises';\n${probe}probe();\n`, [readFile])).output).toBe(
      `import { writeFile, readFile } from 'node:fs/promises';\n${probe}probe();\n`,
    );
    // A file that names built-ins without `node:` gets the same style.
    expect((await reference(`import { join } from 'path';\n${probe}probe();\n`, [readFile])).output).toBe(
      `import { join } from 'path';\nimport { readFile } from 'fs/promises';\n${probe}probe();\n`,
    );
    // No import at all: the new one goes before the first statement.
    expect((await reference(`${probe}probe();\nexport {};\n`, [readFile])).output).toBe(
      `import { readFile } from 'node:fs/promises';\n${probe}probe();\nexport {};\n`,
    );
    // A type-only import cannot be reused or extended.
    expect((await reference(`import type { FileHandle } from 'node:fs/promises';\n${probe}probe();\n`, [readFile])).output).toBe(
      `import type { FileHandle } from 'node:fs/promises';\nimport { readFile } from 'node:fs/promises';\n${probe}probe();\n`,
    );
  });

  it('requires in a CommonJS file, after its directives and requires', async () => {
    const code = `'use strict';\nconst path = require('node:path');\nfunction probe() {}\nprobe();\nmodule.exports = { path };\n`;
    expect((await reference(code, [readFile], 'checked.js')).output).toBe(
      `'use strict';\nconst path = require('node:path');\nconst { readFile } = require('node:fs/promises');\nfunction probe() {}\nprobe();\nmodule.exports = { path };\n`,
    );
    const reused = await reference(`const { readFile: read } = require('fs/promises');\nfunction probe() {}\nprobe();\nmodule.exports = { read };\n`, [readFile], 'checked.js');
    expect(reused.texts).toEqual(['read']);
  });

  it('never takes a name the file uses, and gives two additions different names', async () => {
    const shadowed = await reference(
      `import { readFile } from 'node:fs/promises';\n${probe}export function load(readFile: string) {\n  probe();\n  return readFile;\n}\n`,
      [readFile],
    );
    // The import is shadowed at the call, and `readFile` is taken: a second import under another name.
    expect(shadowed.texts).toEqual(['readFileAsync']);
    expect(shadowed.output).toContain(`import { readFile, readFile as readFileAsync } from 'node:fs/promises';`);

    const both = await reference(`import { execSync } from 'node:child_process';\n${probe}probe();\n`, [
      promisify,
      { modules: ['node:child_process', 'child_process'], exportName: 'exec' },
    ]);
    expect(both.texts).toEqual(['promisify', 'exec']);
    expect(both.output).toBe(
      `import { execSync, exec } from 'node:child_process';\nimport { promisify } from 'node:util';\n${probe}probe();\n`,
    );
  });
});
