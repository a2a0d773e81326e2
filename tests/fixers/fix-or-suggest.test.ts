import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getFixOrSuggest } from '../../src/fixers/fix-or-suggest.js';

const fix: TSESLint.ReportFixFunction = (fixer) => fixer.insertTextBeforeRange([0, 0], 'x');
const suggestion = { messageId: 'removeAsync', data: { name: 'f' } } as const;

describe('getFixOrSuggest', () => {
  it('offers a safe change as a fix', () => {
    expect(getFixOrSuggest({ fixIsSafe: true, fix, suggestion })).toEqual({ fix });
  });

  it('offers an unsafe change as a suggestion with the given message', () => {
    expect(getFixOrSuggest({ fixIsSafe: false, fix, suggestion })).toEqual({
      suggest: [{ messageId: 'removeAsync', data: { name: 'f' }, fix }],
    });
  });

  it('offers nothing without a change, safe or not', () => {
    expect(getFixOrSuggest({ fixIsSafe: true, fix: null, suggestion })).toEqual({});
    expect(getFixOrSuggest({ fixIsSafe: false, fix: null, suggestion })).toEqual({});
  });
});
