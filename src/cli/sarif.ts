import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter } from 'eslint';
import type { Log, ReportingDescriptor, Result } from 'sarif';

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
}

export interface SarifRule {
  /** Full id, e.g. `async-misuse/no-trivial-await`. */
  id: string;
  description: string | undefined;
  url: string | undefined;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

/**
 * A SARIF 2.1.0 log for code scanning: one run, every rule that ran in the
 * driver (so a rule with no results is still known), and results located
 * relative to `cwd` under the `%SRCROOT%` base.
 */
export function createSarifLog(results: ESLint.LintResult[], tool: SarifTool, rules: SarifRule[], cwd: string): Log {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...tool, rules: rules.map(toReportingDescriptor) } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(cwd + path.sep).href } },
        results: results.flatMap((result) =>
          result.messages.map((message) => toResult(message, result.filePath, ruleIndex, cwd)),
        ),
      },
    ],
  };
}

function toReportingDescriptor(rule: SarifRule): ReportingDescriptor {
  return {
    id: rule.id,
    ...(rule.description === undefined ? {} : { shortDescription: { text: rule.description } }),
    ...(rule.url === undefined ? {} : { helpUri: rule.url }),
  };
}

function toResult(message: Linter.LintMessage, filePath: string, ruleIndex: Map<string, number>, cwd: string): Result {
  const index = message.ruleId === null ? undefined : ruleIndex.get(message.ruleId);
  return {
    ...(message.ruleId === null ? {} : { ruleId: message.ruleId }),
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: message.severity === 2 ? 'error' : 'warning',
    message: { text: message.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: toArtifactLocation(filePath, cwd),
          region: {
            startLine: Math.max(message.line, 1),
            startColumn: Math.max(message.column, 1),
            ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
            ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
          },
        },
      },
    ],
  };
}

function toArtifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
