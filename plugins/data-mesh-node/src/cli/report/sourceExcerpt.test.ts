import { sourceExcerpt } from './sourceExcerpt';

describe('sourceExcerpt', () => {
  it('shows the line before, the line, and a caret under the column', () => {
    expect(sourceExcerpt('a: 1\nb:\n  c: [x]\n', 3, 7)).toEqual([
      '  2 | b:',
      '> 3 |   c: [x]',
      '    |       ^',
    ]);
  });

  it('cuts a long line around the column, keeping the caret under it', () => {
    const line = `${'a'.repeat(300)}X${'b'.repeat(300)}`;
    const [shown, caret] = sourceExcerpt(line, 1, 301);
    expect(shown.length).toBeLessThan(140);
    expect(caret.indexOf('^')).toBe(shown.indexOf('X'));
  });

  it('shows nothing for a line the text does not have', () => {
    expect(sourceExcerpt('a: 1\n', 5, 1)).toEqual([]);
  });
});
