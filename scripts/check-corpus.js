// Never crash, fixes always valid: runs every rule of our `strict` config over
// every file of the benchmark corpora (and of any project folder given), file
// by file, and checks every fix.
//
//   npm run check:corpus                      # the three corpora (scripts/prepare-corpus.js)
//   npm run check:corpus -- /path/to/project  # the corpora and any folder with a tsconfig.json
//   npm run check:corpus -- --only /path/a    # only the folders given
//
// Per project, in a process of its own (one TypeScript project service each):
// 1. Each file is linted on its own, typed through the project service as
//    scripts/bench.js configures ESLint. A rule that throws is reported with
//    file, rule and stack, and the file is linted again without that rule, so
//    one crash hides neither another rule's crash nor its reports.
// 2. Each file with a fix is linted again with `fix: true` (ESLint's `--fix`,
//    up to 10 passes), then given its own text back.
// 3. Every candidate text — the `--fix` output of each file, each fix applied
//    on its own, each suggestion applied on its own — must parse
//    (@typescript-eslint/typescript-estree) and leave the whole program's
//    TypeScript diagnostics no worse: a LanguageService over the project's
//    tsconfig with that one file's text replaced; a diagnostic (file, code,
//    message) that was not there before is a failure, in whichever file.
//
// Exit code 1 on any exception, unparsed file or fix failure; 2 when it could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moduleUrl = (relative) => pathToFileURL(path.join(repoDir, relative)).href;

if (!existsSync(path.join(repoDir, 'dist/index.js'))) fail('build first (npm run build)');

const args = process.argv.slice(2);
if (args[0] === '--worker') {
  const [, projectDir, outFile] = args;
  writeFileSync(outFile, JSON.stringify(await checkProject(projectDir)));
} else {
  process.exitCode = await main(args);
}

async function main(argv) {
  const started = process.hrtime.bigint();
  const only = argv.includes('--only');
  const extra = argv.filter((arg) => !arg.startsWith('-')).map((dir) => path.resolve(dir));
  for (const dir of extra) if (!existsSync(path.join(dir, 'tsconfig.json'))) fail(`no tsconfig.json in ${dir}`);
  const projects = [];
  if (!only) {
    const { prepareCorpus } = await import('./prepare-corpus.js');
    for (const corpus of prepareCorpus()) projects.push({ name: corpus.name, dir: realpathSync(corpus.dir) });
  }
  for (const dir of extra) projects.push({ name: path.basename(dir), dir: realpathSync(dir) });

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-check-'));
  const results = [];
  try {
    for (const project of projects) {
      process.stderr.write(`check:corpus: ${project.name} (${project.dir})\n`);
      const outFile = path.join(workDir, `${results.length}.json`);
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker', project.dir, outFile], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (child.status !== 0 || !existsSync(outFile)) fail(`the check of ${project.dir} stopped (exit ${child.status ?? child.signal})`);
      results.push({ ...project, ...JSON.parse(readFileSync(outFile, 'utf8')) });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  const bad = printSummary(results, elapsedS);
  return bad ? 1 : 0;
}

function printSummary(results, elapsedS) {
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  const reports = {};
  for (const result of results) for (const [rule, count] of Object.entries(result.reports)) reports[rule] = (reports[rule] ?? 0) + count;
  const exceptions = results.flatMap((result) => result.exceptions);
  const unparsed = results.flatMap((result) => result.unparsed);
  const failures = results.flatMap((result) => result.failures);
  const out = ['', 'check:corpus summary', ''];
  out.push('| project | files | lines | reports | fix outputs | fixes | suggestions | exceptions | failures | seconds |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const count = Object.values(r.reports).reduce((a, b) => a + b, 0);
    out.push(`| ${r.name} | ${r.files} | ${r.lines} | ${count} | ${r.fixOutputsChecked} | ${r.fixesChecked} | ${r.suggestionsChecked} | ${r.exceptions.length} | ${r.failures.length + r.unparsed.length} | ${r.seconds.toFixed(1)} |`);
  }
  out.push('');
  out.push(`projects: ${results.length}; files: ${sum('files')}; lines: ${sum('lines')}`);
  out.push(`reports: ${Object.values(reports).reduce((a, b) => a + b, 0)}`);
  for (const rule of Object.keys(reports).sort()) out.push(`  ${rule}: ${reports[rule]}`);
  out.push(`fix outputs checked (--fix of a file): ${sum('fixOutputsChecked')}; single fixes checked: ${sum('fixesChecked')}; suggestions checked: ${sum('suggestionsChecked')}`);
  out.push(`exceptions: ${exceptions.length}`);
  for (const e of exceptions) out.push(`  ${e.file}:${e.line ?? '?'} ${e.rule ?? 'unknown rule'}${e.phase === 'lint' ? '' : ` (${e.phase})`}\n    ${e.stack.split('\n').join('\n    ')}`);
  out.push(`files not linted (a parse error): ${unparsed.length}`);
  for (const u of unparsed) out.push(`  ${u.file}:${u.line} ${u.message}`);
  out.push(`fix failures: ${failures.length}`);
  for (const f of failures) {
    out.push(`  ${f.file}:${f.line} ${f.rule} (${f.kind}${f.description ? `: ${f.description}` : ''})`);
    if (f.parseError) out.push(`    does not parse: ${f.parseError}`);
    for (const d of f.newDiagnostics) out.push(`    new: ${d}`);
  }
  out.push(`elapsed: ${elapsedS.toFixed(1)} s; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
  console.log(out.join('\n'));
  return exceptions.length > 0 || unparsed.length > 0 || failures.length > 0;
}

// ---------------------------------------------------------------- one project

async function checkProject(projectDir) {
  const started = process.hrtime.bigint();
  const { ESLint } = await import('eslint');
  const { default: parser } = await import(moduleUrl('node_modules/@typescript-eslint/parser/dist/index.js'));
  const { default: asyncMisuse } = await import(moduleUrl('dist/index.js'));
  const strictRules = asyncMisuse.configs.strict.rules;
  const ruleIds = Object.keys(strictRules);

  const configFor = (rules) => [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'] },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: projectDir } },
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
      plugins: { 'async-misuse': asyncMisuse },
      rules,
    },
  ];
  const instances = new Map();
  /** One ESLint per (rules left out, fix), so the configs are resolved once. */
  const eslintFor = (left = [], fix = false, rules = strictRules) => {
    const key = `${fix}:${JSON.stringify(rules === strictRules ? left : rules)}`;
    if (!instances.has(key)) {
      const skipped = new Set(left);
      instances.set(
        key,
        new ESLint({
          cwd: projectDir,
          overrideConfigFile: true,
          overrideConfig: configFor(rules),
          fix,
          ruleFilter: ({ ruleId }) => !skipped.has(ruleId),
        }),
      );
    }
    return instances.get(key);
  };
  const restore = (text, filePath) => eslintFor([], false, {}).lintText(text, { filePath });

  const files = listTypeScriptFiles(projectDir);
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const result = {
    files: files.length,
    lines: [...texts.values()].reduce((total, text) => total + text.split('\n').length, 0),
    reports: {},
    exceptions: [],
    unparsed: [],
    failures: [],
    fixOutputsChecked: 0,
    fixesChecked: 0,
    suggestionsChecked: 0,
  };
  const relative = (file) => path.relative(process.cwd(), file);

  const crashOf = (error, file, phase, rule) => ({
    file: relative(file),
    rule: error.ruleId ?? rule ?? null,
    line: /Occurred while linting .*:(\d+)/u.exec(error.message)?.[1] ?? null,
    phase,
    stack: String(error.stack ?? error),
  });

  /** Finds the rule that throws when ESLint did not say which: each rule alone. */
  async function findThrowingRule(text, file, left) {
    for (const ruleId of ruleIds.filter((id) => !left.includes(id))) {
      try {
        await eslintFor([], false, { [ruleId]: 'error' }).lintText(text, { filePath: file });
      } catch {
        return ruleId;
      }
    }
    return undefined;
  }

  // 1. Lint each file on its own.
  const linted = [];
  for (const file of files) {
    const text = texts.get(file);
    const left = [];
    let messages;
    while (messages === undefined) {
      try {
        [{ messages }] = await eslintFor(left).lintText(text, { filePath: file });
      } catch (error) {
        const rule = error.ruleId ?? (await findThrowingRule(text, file, left));
        result.exceptions.push(crashOf(error, file, 'lint', rule));
        if (rule === undefined || left.includes(rule)) {
          messages = [];
          break;
        }
        left.push(rule);
      }
    }
    for (const message of messages) {
      if (message.fatal) result.unparsed.push({ file: relative(file), line: message.line, message: message.message });
      else if (message.ruleId?.startsWith('async-misuse/')) result.reports[message.ruleId] = (result.reports[message.ruleId] ?? 0) + 1;
    }
    linted.push({ file, left, messages: messages.filter((message) => message.ruleId?.startsWith('async-misuse/')) });
  }

  // 2. The `--fix` output of each file with a fix; then the file's own text back in the project service.
  const candidates = [];
  for (const { file, left, messages } of linted) {
    const text = texts.get(file);
    const apply = (fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    for (const message of messages) {
      if (message.fix) candidates.push({ file, kind: 'fix', rule: message.ruleId, line: message.line, text: apply(message.fix) });
      for (const suggestion of message.suggestions ?? []) {
        candidates.push({ file, kind: 'suggestion', rule: message.ruleId, line: message.line, description: suggestion.desc, text: apply(suggestion.fix) });
      }
    }
    if (!messages.some((message) => message.fix)) continue;
    try {
      const [{ output }] = await eslintFor(left, true).lintText(text, { filePath: file });
      if (output !== undefined && output !== text) {
        const rules = [...new Set(messages.filter((message) => message.fix).map((message) => message.ruleId))].join(', ');
        candidates.push({ file, kind: 'fix-output', rule: rules, line: messages.find((message) => message.fix).line, text: output });
      }
    } catch (error) {
      result.exceptions.push(crashOf(error, file, 'lint --fix'));
    }
    await restore(text, file);
  }

  // 3. Each candidate parses and type-checks no worse than the original program.
  if (candidates.length > 0) {
    const checker = await createProgramChecker(projectDir, texts);
    const { parse } = await import('@typescript-eslint/typescript-estree');
    const seen = new Map();
    for (const candidate of candidates) {
      result[{ 'fix-output': 'fixOutputsChecked', fix: 'fixesChecked', suggestion: 'suggestionsChecked' }[candidate.kind]] += 1;
      const key = `${candidate.file}\0${candidate.text}`;
      if (!seen.has(key)) {
        let parseError;
        try {
          parse(candidate.text, { filePath: candidate.file, jsx: candidate.file.endsWith('.tsx'), loc: true, range: true });
        } catch (error) {
          parseError = `${error.message} (line ${error.lineNumber ?? '?'})`;
        }
        seen.set(key, { parseError, newDiagnostics: checker.newDiagnostics(candidate.file, candidate.text) });
      }
      const { parseError, newDiagnostics } = seen.get(key);
      if (parseError || newDiagnostics.length > 0) {
        result.failures.push({
          file: relative(candidate.file),
          line: candidate.line,
          rule: candidate.rule,
          kind: candidate.kind,
          description: candidate.description,
          parseError,
          newDiagnostics,
        });
      }
    }
  }
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return result;
}

/** Files ESLint lints under the config above: TypeScript, no declaration files, nothing under node_modules or dist. */
function listTypeScriptFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found.push(...listTypeScriptFiles(file));
    else if (/\.(?:ts|tsx|mts|cts)$/u.test(name) && !/\.d\.[mc]?ts$/u.test(name)) found.push(file);
  }
  return found;
}

/**
 * The project's program in a LanguageService: `newDiagnostics(file, text)`
 * lists the diagnostics of the whole program with `file` holding `text` that
 * the original program does not have (by file, code and message), then
 * gives the file its own text back.
 */
async function createProgramChecker(projectDir, texts) {
  const { default: ts } = await import('typescript');
  const configPath = path.join(projectDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  });
  const overrides = new Map();
  const versions = new Map();
  const host = {
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: (file) => String(versions.get(file) ?? 0),
    getScriptSnapshot: (file) => {
      const text = overrides.get(file) ?? texts.get(file) ?? ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCompilationSettings: () => parsed.options,
    getProjectReferences: () => parsed.projectReferences,
    getCurrentDirectory: () => projectDir,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const describe = (diagnostic) => {
    const where = diagnostic.file
      ? `${path.relative(process.cwd(), diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '(program)';
    return { key: `${diagnostic.file?.fileName ?? ''}\0${diagnostic.code}\0${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`, text: `${where} TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}` };
  };
  const diagnostics = () => {
    const program = service.getProgram();
    return [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
      ...program.getSemanticDiagnostics(),
    ].map(describe);
  };
  const count = (list) => {
    const counts = new Map();
    for (const { key } of list) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const before = count(diagnostics());
  const setText = (file, text) => {
    if (text === undefined) overrides.delete(file);
    else overrides.set(file, text);
    versions.set(file, (versions.get(file) ?? 0) + 1);
  };
  return {
    newDiagnostics(file, text) {
      setText(file, text);
      try {
        const after = diagnostics();
        const left = new Map(before);
        const added = [];
        for (const diagnostic of after) {
          const remaining = left.get(diagnostic.key) ?? 0;
          if (remaining > 0) left.set(diagnostic.key, remaining - 1);
          else added.push(diagnostic.text);
        }
        return added;
      } finally {
        setText(file, undefined);
      }
    },
  };
}

function fail(message) {
  console.error(`check:corpus: ${message}`);
  process.exit(2);
}
