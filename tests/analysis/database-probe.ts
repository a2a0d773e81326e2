import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { describeDatabaseCall, type DatabaseOperation, type DatabaseOperationOptions } from '../../src/analysis/database-operation.js';
import { getRecord, type RecordRef } from '../../src/analysis/record-identity.js';
import { probeTyped, type ProbeContext } from './typed-probe.js';

export interface ProbedCall {
  text: string;
  operation: DatabaseOperation | undefined;
  record: RecordRef | undefined;
}

/**
 * Lints `code` (a file of the fixture project, so it imports the real client
 * packages) and describes the call inside each `probe(…)`, in source order.
 * `probe` is declared by the probe itself.
 */
export async function probeDatabaseCalls(
  code: string,
  options: DatabaseOperationOptions = {},
  inspect?: (calls: ProbedCall[], context: ProbeContext) => void,
): Promise<ProbedCall[]> {
  const calls: ProbedCall[] = [];
  await probeTyped(`declare function probe(value: unknown): void;\n${code}`, (context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
      const [argument] = node.arguments;
      if (argument?.type !== AST_NODE_TYPES.CallExpression) throw new Error('probe() takes a call');
      const operation = describeDatabaseCall(context.services, argument, options);
      calls.push({
        text: context.sourceCode.getText(argument),
        operation,
        record: operation === undefined ? undefined : getRecord(context.services, context.sourceCode, operation),
      });
    },
    'Program:exit'() {
      inspect?.(calls, context);
    },
  }));
  return calls;
}

/** `library kind access method`, or `none`. */
export function summarize(call: ProbedCall): string {
  const operation = call.operation;
  if (operation === undefined) return 'none';
  return `${operation.handle.library} ${operation.handle.kind} ${operation.access} ${operation.method}`;
}

/** `table key` of a record: `users id=1`, `users path=user.id`, `users fresh`. */
export function summarizeRecord(call: ProbedCall): string {
  const record = call.record;
  if (record === undefined) return 'none';
  const key = record.key;
  const keyText =
    key.kind === 'literal'
      ? `=${JSON.stringify(key.value)}`
      : key.kind === 'path'
        ? `@${[typeof key.path.root === 'string' ? key.path.root : (key.path.root?.name ?? key.path.globalName), ...key.path.properties].join('.')}`
        : ` ${key.kind}`;
  return `${record.table ?? '?'}${keyText}`;
}
