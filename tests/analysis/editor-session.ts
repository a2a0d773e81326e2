import path from 'node:path';

import * as ts from 'typescript';

import { VIRTUAL_ROOT } from './in-memory-program.js';

export interface EditorSession {
  /** The language service's program for the files as they stand now. */
  program(): ts.Program;
  /** Replaces a file's text, as typing in the editor does (a new version, parsed incrementally). */
  edit(name: string, text: string): void;
  /** The current program's source file of that name. */
  sourceFile(name: string): ts.SourceFile;
}

/**
 * In-memory files behind a TypeScript language service, as the editor's
 * project service holds them: after an edit, `program()` is a new program
 * with a new checker, the edited file a new `SourceFile` (parsed
 * incrementally, reusing nodes of the old one) and every other file the same
 * `SourceFile` object as before.
 */
export function createEditorSession(files: Record<string, string>): EditorSession {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
  };
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.join(VIRTUAL_ROOT, name), text]));
  const versions = new Map([...texts.keys()].map((fileName) => [fileName, 1]));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (fileName) => String(versions.get(fileName) ?? 0),
    getScriptSnapshot: (fileName) => {
      const text = texts.get(fileName) ?? ts.sys.readFile(fileName);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => VIRTUAL_ROOT,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (fileName) => texts.has(fileName) || ts.sys.fileExists(fileName),
    readFile: (fileName) => texts.get(fileName) ?? ts.sys.readFile(fileName),
    directoryExists: (directory) => directory === VIRTUAL_ROOT || ts.sys.directoryExists(directory),
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const program = (): ts.Program => {
    const current = service.getProgram();
    if (current === undefined) throw new Error('no program');
    return current;
  };
  return {
    program,
    edit(name, text) {
      const fileName = path.join(VIRTUAL_ROOT, name);
      texts.set(fileName, text);
      versions.set(fileName, (versions.get(fileName) ?? 0) + 1);
    },
    sourceFile(name) {
      const file = program().getSourceFile(path.join(VIRTUAL_ROOT, name));
      if (file === undefined) throw new Error(`no ${name}`);
      return file;
    },
  };
}
