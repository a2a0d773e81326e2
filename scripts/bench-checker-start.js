// A bench-only plugin (`bench`) whose rules report nothing and only move
// costs of the type checker out of the real rules' TIMING:
//
// - `bench/checker-start` makes the checker and asks it one cheap question.
//   Listed first in every benchmarked set with rules. (typescript-eslint's
//   parser already makes the checker while it parses, for its parser
//   services, so this costs next to nothing: the floor pays the binding.)
// - `bench/type-check` type-checks the linted file (its semantic
//   diagnostics), so that every type a rule asks later is already in the
//   checker's caches. Whichever rule first asks the type of an expression
//   pays for checking it (resolving the call's signature, inferring its type
//   arguments); alone, that is the first typed rule of a set
//   (`no-trivial-await`, which asks the type of every `await` operand); beside
//   the peers, typescript-eslint's rules. Listed first, it charges that
//   checking to no real rule, so a rule's TIMING is its own work.
//
// Both work in `create`, not in a `Program` listener: rules take the checker
// and may ask types in their own `create`, which ESLint runs for every rule
// before the first listener.
export default {
  meta: { name: 'bench' },
  rules: {
    'checker-start': {
      meta: { type: 'problem', schema: [], docs: { description: 'Start the type checker (benchmark only)' } },
      create(context) {
        const program = context.sourceCode.parserServices?.program;
        if (program == null) return {};
        const checker = program.getTypeChecker();
        const first = program.getSourceFile(context.physicalFilename)?.statements[0];
        if (first !== undefined) checker.getTypeAtLocation(first);
        return {};
      },
    },
    'type-check': {
      meta: { type: 'problem', schema: [], docs: { description: 'Type-check the linted file first (benchmark only)' } },
      create(context) {
        const program = context.sourceCode.parserServices?.program;
        const sourceFile = program?.getSourceFile(context.physicalFilename);
        if (sourceFile !== undefined) program.getSemanticDiagnostics(sourceFile);
        return {};
      },
    },
  },
};
