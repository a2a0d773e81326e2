import { describe, expect, it } from 'vitest';

import { createNamePicker } from '../../src/syntax/unused-name.js';
import { withSourceCode } from '../lint-probe.js';

describe('createNamePicker', () => {
  it('gives the name itself when no identifier of the file uses it', () => {
    expect(withSourceCode('const value = 1;\n', (context) => createNamePicker(context.sourceCode).pick('running'))).toBe('running');
  });

  it('numbers the name when a variable, a property or a parameter already uses it', () => {
    const picked = withSourceCode('const running = 1;\nconst job = { tick: 2 };\nfunction f(tick2: number) { return tick2; }\n', (context) => {
      const names = createNamePicker(context.sourceCode);
      return [names.pick('running'), names.pick('tick')];
    });
    expect(picked).toEqual(['running2', 'tick3']);
  });

  it('never hands out a name twice', () => {
    const picked = withSourceCode('export {};\n', (context) => {
      const names = createNamePicker(context.sourceCode);
      return [names.pick('tick'), names.pick('tick')];
    });
    expect(picked).toEqual(['tick', 'tick2']);
  });
});
