import { AST_TOKEN_TYPES, type TSESLint } from '@typescript-eslint/utils';

/** Hands out names for new bindings. */
export interface NamePicker {
  /** `base`, or `base2`, `base3`… : the first no identifier of the file uses, and not handed out before. */
  pick(base: string): string;
}

/**
 * Picks names that no identifier of the file uses yet, so a binding a fix adds
 * neither clashes with a declaration nor shadows a name some code below it
 * reads. Stricter than a scope lookup (a property named `running` also takes
 * the name), and cheap: one pass over the tokens.
 */
export function createNamePicker(sourceCode: Readonly<TSESLint.SourceCode>): NamePicker {
  const taken = new Set(sourceCode.ast.tokens.filter((token) => token.type === AST_TOKEN_TYPES.Identifier).map((token) => token.value));
  return {
    pick(base) {
      let name = base;
      for (let index = 2; taken.has(name); index++) name = `${base}${String(index)}`;
      taken.add(name);
      return name;
    },
  };
}
