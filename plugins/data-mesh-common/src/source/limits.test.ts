import { parseSource } from './parseSource';
import { DEFAULT_SOURCE_LIMITS } from './limits';

/**
 * Hostile input: each case must come back (not crash, not hang) with one issue that says
 * what happened. How fast is measured by the benchmark, not here.
 */
describe('parseSource refuses hostile input', () => {
  it('refuses a "billion laughs" alias bomb, saying so', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) {
      const prev = `*a${i - 1}`;
      lines.push(`a${i}: &a${i} [${Array(9).fill(prev).join(', ')}]`);
    }
    const { documents, issues } = parseSource(lines.join('\n'), {
      fileName: 'laughs.yaml',
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      rule: 'alias',
      file: 'laughs.yaml',
      line: 1,
    });
    expect(issues[0].message).toMatch(/billion laughs/);
    expect(issues[0].message).toMatch(/aliases/);
    expect(documents[0].value).toBeUndefined();
  });

  it('refuses a 20 MB file without reading it', () => {
    const text = `description: "${'x'.repeat(20 * 1024 * 1024)}"\n`;
    const { documents, issues } = parseSource(text);
    expect(documents).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe('file-too-large');
    expect(issues[0].message).toMatch(/20\.0 MiB, over the limit of 5\.0 MiB/);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const text = `a: "${'é'.repeat(600)}"\n`; // 600 characters, 1200 bytes
    expect(
      parseSource(text, { limits: { maxBytes: 1000 } }).issues[0],
    ).toMatchObject({ rule: 'file-too-large' });
    expect(parseSource(text, { limits: { maxBytes: 2000 } }).issues).toEqual(
      [],
    );
  });

  it('refuses 10,000-deep nesting in flow style', () => {
    const text = `${'['.repeat(10000)}${']'.repeat(10000)}`;
    const { documents, issues } = parseSource(text);
    expect(documents).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: 'too-deep', line: 1 });
    expect(issues[0].message).toMatch(/deeper than 64 levels/);
  });

  it('refuses 10,000-deep nesting in block style', () => {
    const { issues } = parseSource(`${'- '.repeat(10000)}x\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe('too-deep');
  });

  it('refuses 10,000-deep JSON objects', () => {
    const text = `${'{"a": '.repeat(10000)}1${'}'.repeat(10000)}`;
    const { issues, format } = parseSource(text);
    expect(format).toBe('json');
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe('too-deep');
  });

  it.each([
    ['flow sequences', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['flow mappings', (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`],
    ['block sequences', (n: number) => `${'- '.repeat(n)}x\n`],
    [
      'block mappings',
      (n: number) =>
        `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join(
          '\n',
        )} 1\n`,
    ],
  ])(
    'accepts exactly the depth limit of %s, and one more is refused',
    (_, nest) => {
      const max = DEFAULT_SOURCE_LIMITS.maxDepth;
      expect(parseSource(nest(max)).issues).toEqual([]);
      expect(parseSource(nest(max + 1)).issues[0]?.rule).toBe('too-deep');
    },
  );

  it('refuses depth reached through aliases', () => {
    const text = [
      `a: &a ${'['.repeat(40)}${']'.repeat(40)}`,
      `b: ${'['.repeat(40)}*a${']'.repeat(40)}`,
    ].join('\n');
    const { documents, issues } = parseSource(text);
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe('too-deep');
    expect(issues[0].message).toMatch(/through YAML aliases/);
    expect(documents[0].value).toBeUndefined();
  });

  it('refuses a value that contains itself through an alias', () => {
    const { documents, issues } = parseSource(
      'schema:\n  - &p\n    name: orders\n    properties:\n      - *p\n',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe('too-deep');
    expect(documents[0].value).toBeUndefined();
  });

  it('refuses binary content: NUL bytes', () => {
    const { documents, issues } = parseSource(
      'a: 1\nb: x\u0000\u0001\u0002\n',
      {
        fileName: 'image.png',
      },
    );
    expect(documents).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        rule: 'not-text',
        file: 'image.png',
        line: 2,
        column: 5,
      }),
    ]);
    expect(issues[0].message).toMatch(/this is not a text file/);
  });

  it('refuses other control characters, and text saved as UTF-16', () => {
    expect(parseSource('a: \u0007\n').issues[0].message).toMatch(
      /not a text file.*U\+0007/,
    );
    const utf16 = Array.from('a: 1\n', c => `${c}\u0000`).join('');
    expect(parseSource(utf16).issues[0].rule).toBe('not-text');
  });

  it('accepts tabs, carriage returns and non-ASCII text', () => {
    expect(parseSource('a:\t"x"\r\nb: "héllo ✓ 🚀"\r\n').issues).toEqual([]);
  });

  it('refuses more documents than the limit', () => {
    const text = Array.from({ length: 101 }, (_, i) => `n: ${i}`).join(
      '\n---\n',
    );
    const { documents, issues } = parseSource(text);
    expect(documents).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe('too-many-documents');
    expect(issues[0].message).toMatch(/more than 100 YAML documents/);
    expect(
      parseSource(text, { limits: { maxDocuments: 101 } }).documents,
    ).toHaveLength(101);
  });

  it('lets the caller loosen a limit', () => {
    const text = `${'['.repeat(70)}${']'.repeat(70)}`;
    expect(parseSource(text, { limits: { maxDepth: 80 } }).issues).toEqual([]);
  });
});
