import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * What a SQL text does, read from the text alone: the statement's verb, the
 * table it writes or reads, and the column its `WHERE` compares with a
 * placeholder (`$1`, `?`, or a template's `${…}`), which names the record.
 * Only the first statement counts, and only the plain shapes people write
 * (`INSERT INTO t`, `UPDATE t SET`, `DELETE FROM t`, `SELECT … FROM t`):
 * anything else is `other`, which no rule reports on.
 */

export type SqlVerb = 'delete' | 'insert' | 'other' | 'select' | 'update';

export interface SqlStatement {
  verb: SqlVerb;
  /** The table, lower-cased, without schema quotes; `undefined` when the text does not say it plainly. */
  table: string | undefined;
  /** `WHERE key = <placeholder>`: the column and which placeholder (0-based: `$1` and the first `?` are 0). */
  keyPlaceholder: { column: string; index: number } | undefined;
}

/** The static text of a SQL literal or template, `${…}` parts standing as `$n` placeholders after the last numbered one. */
export interface SqlText {
  text: string;
  /** For a template: the expression each `${…}` placeholder stands for, by placeholder index. */
  templateValues: ReadonlyMap<number, TSESTree.Expression>;
}

const IDENTIFIER = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|\x60[^\x60]+\x60|[A-Za-z_][\w$]*))?`;
const VERB_PATTERNS: ReadonlyArray<[Exclude<SqlVerb, 'other'>, RegExp]> = [
  ['insert', new RegExp(String.raw`^insert\s+(?:ignore\s+)?into\s+(${IDENTIFIER})`, 'iu')],
  ['update', new RegExp(String.raw`^update\s+(?:only\s+)?(${IDENTIFIER})\s+set\b`, 'iu')],
  ['delete', new RegExp(String.raw`^delete\s+from\s+(?:only\s+)?(${IDENTIFIER})`, 'iu')],
  ['select', new RegExp(String.raw`^select\b[\s\S]*?\bfrom\s+(${IDENTIFIER})`, 'iu')],
];
const WHERE_KEY = new RegExp(String.raw`\bwhere\s+(${IDENTIFIER})\s*=\s*(\$(\d+)|\?)`, 'iu');

/** The SQL text of a string literal or a template (its static parts); `undefined` for anything else. */
export function getSqlText(node: TSESTree.Node): SqlText | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return { text: node.value, templateValues: new Map() };
  if (node.type !== AST_NODE_TYPES.TemplateLiteral) return undefined;
  const numbered = [...node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ').matchAll(/\$(\d+)/gu)];
  let next = numbered.reduce((most, match) => Math.max(most, Number(match[1])), 0);
  const templateValues = new Map<number, TSESTree.Expression>();
  let text = '';
  node.quasis.forEach((quasi, index) => {
    text += quasi.value.cooked ?? quasi.value.raw;
    const expression = node.expressions[index];
    if (expression === undefined) return;
    next += 1;
    templateValues.set(next - 1, expression);
    text += `$${String(next)}`;
  });
  return { text, templateValues };
}

/** Classifies a SQL text (see the module comment). */
export function parseSqlStatement(text: string): SqlStatement {
  const statement = stripLeadingComments(text);
  for (const [verb, pattern] of VERB_PATTERNS) {
    const match = pattern.exec(statement);
    if (match === null) continue;
    const keyPlaceholder = verb === 'insert' ? getInsertedKeyPlaceholder(statement) : getKeyPlaceholder(statement);
    return { verb, table: normalizeIdentifier(match[1]), keyPlaceholder };
  }
  return { verb: 'other', table: undefined, keyPlaceholder: undefined };
}

function getKeyPlaceholder(statement: string): SqlStatement['keyPlaceholder'] {
  const match = WHERE_KEY.exec(statement);
  if (match?.[1] === undefined) return undefined;
  const column = normalizeIdentifier(match[1]);
  if (column === undefined) return undefined;
  if (match[3] !== undefined) return { column, index: Number(match[3]) - 1 };
  // `?` placeholders count from the start of the statement.
  const before = statement.slice(0, match.index + match[0].length);
  return { column, index: (before.match(/\?/gu) ?? []).length - 1 };
}

const INSERT_COLUMNS = /^insert\s+(?:ignore\s+)?into\s+[^(]+\(([^)]*)\)\s*values\s*\(([^)]*)\)/iu;

/** `INSERT INTO t (id, name) VALUES ($1, $2)`: the new row's `id` and its placeholder. */
function getInsertedKeyPlaceholder(statement: string): SqlStatement['keyPlaceholder'] {
  const match = INSERT_COLUMNS.exec(statement);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const columns = match[1].split(',').map((column) => normalizeIdentifier(column.trim()));
  const values = match[2].split(',').map((value) => value.trim());
  const position = columns.indexOf('id');
  const value = values[position];
  if (position === -1 || value === undefined) return undefined;
  const numbered = /^\$(\d+)$/u.exec(value);
  if (numbered?.[1] !== undefined) return { column: 'id', index: Number(numbered[1]) - 1 };
  if (value !== '?') return undefined;
  return { column: 'id', index: values.slice(0, position + 1).filter((each) => each === '?').length - 1 };
}

function stripLeadingComments(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    if (rest.startsWith('--')) rest = rest.slice(rest.indexOf('\n') === -1 ? rest.length : rest.indexOf('\n')).trimStart();
    else if (rest.startsWith('/*') && rest.includes('*/')) rest = rest.slice(rest.indexOf('*/') + 2).trimStart();
    else if (rest.startsWith('(')) rest = rest.slice(1).trimStart();
    else return rest;
  }
}

/** `"Users"` → `users`, `public.orders` → `orders`: the table without schema or quotes. */
function normalizeIdentifier(identifier: string | undefined): string | undefined {
  if (identifier === undefined) return undefined;
  const last = identifier.split('.').at(-1);
  return last?.replace(/^["\x60]|["\x60]$/gu, '').toLowerCase();
}

const UPDATE_SET = new RegExp(String.raw`^update\s+(?:only\s+)?${IDENTIFIER}\s+set\s+([\s\S]+?)(?:\s+(?:where|returning)\b[\s\S]*)?;?\s*$`, 'iu');
const UPSERT_SET = new RegExp(
  String.raw`^insert\s+(?:ignore\s+)?into\s[\s\S]*?\bon\s+(?:conflict\b[^)]*\)\s*do\s+update\s+set|duplicate\s+key\s+update)\s+([\s\S]+?)(?:\s+(?:where|returning)\b[\s\S]*)?;?\s*$`,
  'iu',
);
const OPERAND = String.raw`(?:\$\d+|\?|\d+(?:\.\d+)?|excluded\.${IDENTIFIER}|values\s*\(\s*${IDENTIFIER}\s*\))`;
const RELATIVE_ASSIGNMENT = new RegExp(String.raw`^(${IDENTIFIER})\s*=\s*(${IDENTIFIER})\s*[+-]\s*${OPERAND}$`, 'iu');

/**
 * `UPDATE t SET n = n + $2, m = m - 1 WHERE id = $1`, or an upsert that
 * does so on conflict (`INSERT … ON CONFLICT (id) DO UPDATE SET n = t.n + 1`,
 * MySQL's `ON DUPLICATE KEY UPDATE n = n + VALUES(n)`): every column set
 * relative to its own value by a placeholder, a number or the inserted
 * value. The database adds such updates up under the row's lock, so two at
 * once lose nothing. Any other `SET` (a function call, a `CASE`, a second
 * column) is not one.
 */
export function isRelativeUpdate(text: string): boolean {
  const statement = stripLeadingComments(text);
  const match = UPDATE_SET.exec(statement) ?? UPSERT_SET.exec(statement);
  if (match?.[1] === undefined) return false;
  return match[1].split(',').every((assignment) => {
    const parts = RELATIVE_ASSIGNMENT.exec(assignment.trim());
    return parts !== null && normalizeIdentifier(parts[1]) === normalizeIdentifier(parts[2]);
  });
}
