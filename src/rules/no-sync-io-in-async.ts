import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  classifyBlockingCall,
  findRenamedSyncBindings,
  isArgumentList,
  isBlockingCallCandidate,
  isCertainlyPath,
  type BlockingCall,
} from '../analysis/blocking-api.js';
import { findAsyncRunContext, isInsideTestBlock, type AsyncRunContext } from '../analysis/callback-timing.js';
import { applyAdditions, referenceModuleExport, type ModuleExportRequest, type SourceAddition } from '../fixers/module-export.js';
import { createRule } from '../create-rule.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { describeNode } from '../syntax/describe-node.js';
import { isStatementList } from '../syntax/statement-list.js';

export type Options = [];
export type MessageIds = 'blockingCall' | 'usePromiseForm' | 'usePromisifiedCommand';

export default createRule<Options, MessageIds>({
  name: 'no-sync-io-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calls that block the event loop inside async functions, promise handlers and request or event handlers',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      blockingCall:
        '`{{name}}`{{api}} blocks the event loop until it is done, here in {{context}}: every other request, timer and callback of the process waits meanwhile. {{advice}}',
      usePromiseForm: 'Await `{{replacement}}` instead (code after it then runs a tick later).',
      usePromisifiedCommand:
        'Await `{{replacement}}` instead (the command then runs without blocking; its output, stderr included, is collected instead of printed).',
    },
    schema: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    let renamedSyncBindings: Set<string> | undefined;
    const isRenamedSyncBinding = (name: string): boolean => {
      renamedSyncBindings ??= findRenamedSyncBindings(sourceCode);
      return renamedSyncBindings.has(name);
    };

    function report(call: TSESTree.CallExpression, blocking: BlockingCall, runContext: AsyncRunContext): void {
      const promiseForm = getPromiseForm(blocking);
      const suggestion = promiseForm !== undefined && canAwaitHere(call, runContext) ? buildSuggestion(call, promiseForm, runContext) : undefined;
      context.report({
        node: call.callee,
        messageId: 'blockingCall',
        data: {
          name: describeNode(sourceCode, call.callee),
          api: describeApiUnderOtherName(call, blocking),
          context: describeContext(runContext),
          advice: getAdvice(blocking),
        },
        suggest: suggestion === undefined ? [] : [suggestion],
      });
    }

    /**
     * Whether an `await` can stand in place of the call: directly in the body
     * of an async function, or of a promise handler that can become one (its
     * promise is adopted by the chain, so what the chain sees is the same) —
     * not in a parameter default, and not behind an optional call.
     */
    function canAwaitHere(call: TSESTree.CallExpression, runContext: AsyncRunContext): boolean {
      if (runContext.through.length > 0) return false;
      if (runContext.kind !== 'async-function' && runContext.kind !== 'promise-handler') return false;
      if (runContext.function.generator && !runContext.function.async) return false;
      const body = runContext.function.body;
      if (call.range[0] < body.range[0] || call.range[1] > body.range[1]) return false;
      return !call.optional && call.parent.type !== AST_NODE_TYPES.ChainExpression;
    }

    /** Whether the promise form takes these arguments and gives the same value once awaited. */
    function fitsPromiseForm(call: TSESTree.CallExpression, form: PromiseForm): boolean {
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
      const [first, second] = call.arguments;
      switch (form.condition) {
        case 'any':
          return true;
        case 'path':
          // `readFileSync(0)` reads a file descriptor; the promise API wants a `FileHandle` instead.
          return first !== undefined && isCertainlyPath(services, first);
        case 'one-argument':
          // `statSync(p, { throwIfNoEntry: false })` returns `undefined` where `stat` would reject.
          return call.arguments.length === 1;
        case 'unused-command':
          // `execSync` returns the output, the promisified `exec` an `{ stdout, stderr }`; options differ too.
          return call.arguments.length === 1 && isResultUnused(call);
        case 'unused-file':
          return (
            isResultUnused(call) &&
            (call.arguments.length === 1 ||
              (call.arguments.length === 2 && second !== undefined && isArgumentList(services, second)))
          );
        case 'five-arguments':
          return call.arguments.length === 5;
      }
    }

    function buildSuggestion(
      call: TSESTree.CallExpression,
      form: PromiseForm,
      runContext: AsyncRunContext,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (!fitsPromiseForm(call, form)) return undefined;
      const taken = new Set<string>();
      const additions: SourceAddition[] = [];
      let callee: string;
      if (form.kind === 'fs-promises') {
        const reference = referenceModuleExport(sourceCode, call, {
          modules: ['node:fs/promises', 'fs/promises'],
          exportName: form.name,
          parent: { modules: ['node:fs', 'fs'], member: 'promises' },
          parentNamespace: getNamespaceName(call.callee),
        });
        additions.push(...reference.additions);
        callee = reference.text;
      } else {
        const promisify = referenceModuleExport(sourceCode, call, PROMISIFY, taken);
        const callback = referenceModuleExport(sourceCode, call, { modules: MODULE_SPECIFIERS[form.module], exportName: form.name }, taken);
        additions.push(...promisify.additions, ...callback.additions);
        callee = `${promisify.text}(${callback.text})`;
      }
      const argumentsText = getArgumentsText(call);
      if (argumentsText === undefined) return undefined;
      // `await readFileSync(p)` (odd, but it parses) needs no second `await`.
      const awaited = call.parent.type === AST_NODE_TYPES.AwaitExpression ? `${callee}(${argumentsText})` : `await ${callee}(${argumentsText})`;
      const text = needsParentheses(call) ? `${startsStatementAfterOpenLine(call) ? ';' : ''}(${awaited})` : awaited;
      const makeAsync = runContext.kind === 'promise-handler' && !runContext.function.async;
      const asyncToken = makeAsync ? sourceCode.getFirstToken(runContext.function) : undefined;
      return {
        messageId: form.kind === 'promisified-command' ? 'usePromisifiedCommand' : 'usePromiseForm',
        data: { replacement: callee },
        fix: (fixer) => [
          ...applyAdditions(fixer, additions),
          ...(asyncToken === undefined || asyncToken === null ? [] : [fixer.insertTextBefore(asyncToken, 'async ')]),
          fixer.replaceText(call, text),
        ],
      };
    }

    /**
     * The call starts an expression statement in a list of statements, after
     * one that does not end with `;` or `{`: a `(` there would continue it.
     */
    function startsStatementAfterOpenLine(call: TSESTree.CallExpression): boolean {
      let node: TSESTree.Node = call;
      while (node.parent?.type !== AST_NODE_TYPES.ExpressionStatement) {
        if (node.parent === undefined || node.parent.range[0] !== node.range[0]) return false;
        node = node.parent;
      }
      const statement = node.parent;
      if (!isStatementList(statement.parent)) return false;
      const previous = sourceCode.getTokenBefore(statement);
      return previous !== null && previous.value !== ';' && previous.value !== '{';
    }

    /** The source between the call's parentheses, comments included. */
    function getArgumentsText(call: TSESTree.CallExpression): string | undefined {
      const open = sourceCode.getTokenAfter(call.typeArguments ?? call.callee, (token) => token.value === '(');
      const close = sourceCode.getLastToken(call);
      if (open === null || close?.value !== ')') return undefined;
      return sourceCode.text.slice(open.range[1], close.range[0]);
    }

    return {
      CallExpression(node) {
        if (!isBlockingCallCandidate(node, isRenamedSyncBinding)) return;
        const blocking = classifyBlockingCall(services, node);
        if (blocking === undefined) return;
        const runContext = findAsyncRunContext(services, node);
        // A test's own setup and checks: nothing else is served while it waits.
        if (runContext !== undefined && !isInsideTestBlock(services, node)) report(node, blocking, runContext);
      },
    };
  },
});

const PROMISIFY: ModuleExportRequest = { modules: ['node:util', 'util'], exportName: 'promisify' };

const MODULE_SPECIFIERS: Readonly<Record<'child_process' | 'crypto' | 'zlib', readonly string[]>> = {
  child_process: ['node:child_process', 'child_process'],
  crypto: ['node:crypto', 'crypto'],
  zlib: ['node:zlib', 'zlib'],
};

/**
 * What may stand in for a blocking call once awaited, and when:
 * - `path`: the first argument is a path, not a file descriptor;
 * - `one-argument`: no options (`statSync`'s `throwIfNoEntry` has no promise twin);
 * - `unused-command` / `unused-file`: the result is thrown away (the promisified
 *   `exec` resolves to `{ stdout, stderr }`, not the output) and no options are given;
 * - `five-arguments`: every parameter is given (`promisify` types the last overload);
 * - `any`: the same parameters and, awaited, the same result.
 */
type PromiseForm =
  | { readonly kind: 'fs-promises'; readonly name: string; readonly condition: 'any' | 'one-argument' | 'path' }
  | { readonly kind: 'promisified'; readonly module: 'crypto' | 'zlib'; readonly name: string; readonly condition: 'any' | 'five-arguments' }
  | {
      readonly kind: 'promisified-command';
      readonly module: 'child_process';
      readonly name: string;
      readonly condition: 'unused-command' | 'unused-file';
    };

/** `node:fs` `…Sync` functions whose `node:fs/promises` namesake takes the same arguments and resolves to the same value. */
const FS_PROMISE_NAMES = new Map<string, 'any' | 'one-argument' | 'path'>([
  ['accessSync', 'any'],
  ['appendFileSync', 'path'],
  ['chmodSync', 'any'],
  ['chownSync', 'any'],
  ['copyFileSync', 'any'],
  ['cpSync', 'any'],
  ['lchownSync', 'any'],
  ['linkSync', 'any'],
  ['lstatSync', 'one-argument'],
  ['lutimesSync', 'any'],
  ['mkdirSync', 'any'],
  ['mkdtempSync', 'any'],
  ['opendirSync', 'any'],
  ['readFileSync', 'path'],
  ['readdirSync', 'any'],
  ['readlinkSync', 'any'],
  ['realpathSync', 'any'],
  ['renameSync', 'any'],
  ['rmSync', 'any'],
  ['rmdirSync', 'any'],
  ['statSync', 'one-argument'],
  ['statfsSync', 'any'],
  ['symlinkSync', 'any'],
  ['truncateSync', 'any'],
  ['unlinkSync', 'any'],
  ['utimesSync', 'any'],
  ['writeFileSync', 'path'],
]);

const PROMISIFIED_NAMES = new Map<string, PromiseForm>([
  ['brotliCompressSync', { kind: 'promisified', module: 'zlib', name: 'brotliCompress', condition: 'any' }],
  ['brotliDecompressSync', { kind: 'promisified', module: 'zlib', name: 'brotliDecompress', condition: 'any' }],
  ['deflateRawSync', { kind: 'promisified', module: 'zlib', name: 'deflateRaw', condition: 'any' }],
  ['deflateSync', { kind: 'promisified', module: 'zlib', name: 'deflate', condition: 'any' }],
  ['gunzipSync', { kind: 'promisified', module: 'zlib', name: 'gunzip', condition: 'any' }],
  ['gzipSync', { kind: 'promisified', module: 'zlib', name: 'gzip', condition: 'any' }],
  ['inflateRawSync', { kind: 'promisified', module: 'zlib', name: 'inflateRaw', condition: 'any' }],
  ['inflateSync', { kind: 'promisified', module: 'zlib', name: 'inflate', condition: 'any' }],
  ['unzipSync', { kind: 'promisified', module: 'zlib', name: 'unzip', condition: 'any' }],
  ['pbkdf2Sync', { kind: 'promisified', module: 'crypto', name: 'pbkdf2', condition: 'five-arguments' }],
  ['generateKeyPairSync', { kind: 'promisified', module: 'crypto', name: 'generateKeyPair', condition: 'any' }],
  ['execSync', { kind: 'promisified-command', module: 'child_process', name: 'exec', condition: 'unused-command' }],
  ['execFileSync', { kind: 'promisified-command', module: 'child_process', name: 'execFile', condition: 'unused-file' }],
]);

function getPromiseForm(blocking: BlockingCall): PromiseForm | undefined {
  if (blocking.kind !== 'module-function' || blocking.isMethod) return undefined;
  if (blocking.module === 'fs') {
    const condition = FS_PROMISE_NAMES.get(blocking.name);
    return condition === undefined ? undefined : { kind: 'fs-promises', name: blocking.name.slice(0, -'Sync'.length), condition };
  }
  const form = PROMISIFIED_NAMES.get(blocking.name);
  return form?.kind !== 'fs-promises' && form?.module === blocking.module ? form : undefined;
}

/** What to use instead, for the report's message. */
function getAdvice(blocking: BlockingCall): string {
  switch (blocking.kind) {
    case 'atomics-wait':
      return 'Use `Atomics.waitAsync` instead.';
    case 'sync-xhr':
      return 'Pass `true` for `async`, or use `fetch`, instead.';
    case 'module-function':
      break;
  }
  const form = getPromiseForm(blocking);
  if (form?.kind === 'fs-promises') return `Await \`${form.name}\` from \`node:fs/promises\` instead.`;
  if (form !== undefined) return `Await \`promisify(${form.name})\` instead.`;
  if (blocking.name === 'existsSync') return 'Await `access` or `stat` from `node:fs/promises` and catch the error instead.';
  if (blocking.name === 'spawnSync') return 'Use `spawn` and wait for its `close` event instead.';
  if (blocking.module === 'fs') return 'Use the asynchronous form from `node:fs/promises` instead.';
  return `Await \`promisify(${blocking.name.slice(0, -'Sync'.length)})\` instead.`;
}

/** ` (`node:fs` `readFileSync`)` where the call names it otherwise (`read(p)`), else nothing. */
function describeApiUnderOtherName(call: TSESTree.CallExpression, blocking: BlockingCall): string {
  if (blocking.kind !== 'module-function') return '';
  const callee = skipChainExpression(call.callee);
  const written =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : undefined;
  return written === blocking.name ? '' : ` (\`node:${blocking.module}\` \`${blocking.name}\`)`;
}

function describeContext(runContext: AsyncRunContext): string {
  const place = {
    'async-function': 'an async function',
    'event-listener': 'an event listener',
    'promise-handler': 'a promise handler',
    'request-handler': 'a request handler',
  }[runContext.kind];
  return runContext.through.length === 0 ? place : `a callback that runs right away inside ${place}`;
}

/** `fs` in `fs.readFileSync(p)`. */
function getNamespaceName(callee: TSESTree.Expression): string | undefined {
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier
    ? callee.object.name
    : undefined;
}

/** The result is thrown away: a statement of its own, or `void`. */
function isResultUnused(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return (
    parent.type === AST_NODE_TYPES.ExpressionStatement ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void')
  );
}

/** `await x` binds like a unary operator: as a callee, an object or the left of `**` it needs parentheses. */
function needsParentheses(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === call;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === call;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === call;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === call;
    default:
      return false;
  }
}
