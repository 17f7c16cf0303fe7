import { parseSource } from './parseSource';

describe('parseSource', () => {
  it('reads a YAML document into plain data, keeping key order', () => {
    const { documents, issues, format } = parseSource(
      'zeta: 1\nalpha: [a, b]\nmid: {x: true}\n',
    );
    expect(issues).toEqual([]);
    expect(format).toBe('yaml');
    expect(documents).toHaveLength(1);
    expect(documents[0].value).toEqual({
      zeta: 1,
      alpha: ['a', 'b'],
      mid: { x: true },
    });
    expect(Object.keys(documents[0].value as object)).toEqual([
      'zeta',
      'alpha',
      'mid',
    ]);
  });

  it('reads dates and versions as the strings they are written as', () => {
    const { documents } = parseSource(
      'contractCreatedTs: 2024-01-01T10:00:00Z\nday: 2024-02-29\nversion: 1.0\n',
    );
    expect(documents[0].value).toEqual({
      contractCreatedTs: '2024-01-01T10:00:00Z',
      day: '2024-02-29',
      version: 1,
    });
  });

  it('reads every document of a multi-document file, in order', () => {
    const { documents, issues } = parseSource('a: 1\n---\nb: 2\n---\n- c\n');
    expect(issues).toEqual([]);
    expect(documents.map(d => d.index)).toEqual([0, 1, 2]);
    expect(documents.map(d => d.value)).toEqual([{ a: 1 }, { b: 2 }, ['c']]);
  });

  it('reads JSON, and says JSON in its messages', () => {
    const json = parseSource('{\n\t"a": [1, 2, {"b": null}]\n}\n');
    expect(json.format).toBe('json');
    expect(json.issues).toEqual([]);
    expect(json.documents[0].value).toEqual({ a: [1, 2, { b: null }] });

    const broken = parseSource('{\n  "a": [1, 2\n}\n', { fileName: 'c.json' });
    expect(broken.format).toBe('json');
    expect(broken.issues.length).toBeGreaterThan(0);
    expect(broken.issues[0]).toMatchObject({
      severity: 'error',
      rule: 'syntax',
      file: 'c.json',
    });
    expect(broken.issues[0].message).toMatch(/^JSON syntax error: /);
    expect(broken.issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it('reports a YAML syntax error with its line and column and leaves the value undefined', () => {
    const { documents, issues } = parseSource('a: 1\nb: [1, 2\nc: 3\n', {
      fileName: 'x.yaml',
    });
    expect(issues[0]).toMatchObject({
      severity: 'error',
      rule: 'syntax',
      file: 'x.yaml',
      path: '',
    });
    expect(issues[0].message).toMatch(/^YAML syntax error: /);
    expect(issues[0].line).toBeGreaterThanOrEqual(2);
    expect(documents[0].value).toBeUndefined();
  });

  it('refuses duplicate keys, pointing at the second one', () => {
    const { issues } = parseSource('name: a\nid: 1\nname: b\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: 'syntax', line: 3, column: 1 });
    expect(issues[0].message).toMatch(/unique/);
  });

  it('keeps a good document when another one of the file is broken', () => {
    const { documents, issues } = parseSource('a: 1\n---\nb: [\n');
    expect(documents[0].value).toEqual({ a: 1 });
    expect(documents[1].value).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
  });

  it('gives no documents and no issues for an empty file', () => {
    expect(parseSource('')).toEqual({
      documents: [],
      issues: [],
      format: 'yaml',
    });
  });

  it('ignores a byte order mark', () => {
    const { documents, issues } = parseSource('\ufeffa: 1\n');
    expect(issues).toEqual([]);
    expect(documents[0].value).toEqual({ a: 1 });
  });

  it('expands aliases that stay within the limits', () => {
    const { documents, issues } = parseSource(
      'base: &b {type: string}\nfirst: *b\nsecond: *b\n',
    );
    expect(issues).toEqual([]);
    expect(documents[0].value).toEqual({
      base: { type: 'string' },
      first: { type: 'string' },
      second: { type: 'string' },
    });
  });

  it('names the file in its documents', () => {
    const { documents } = parseSource('a: 1\n', { fileName: 'orders.yaml' });
    expect(documents[0].file).toBe('orders.yaml');
  });
});

describe('SourceDocument.locate', () => {
  const text = [
    'apiVersion: v3.1.0', // 1
    'schema:', // 2
    '  - name: orders', // 3
    '    properties:', // 4
    '      - name: id', // 5
    '        required: true', // 6
    '      - name: "a/b"', // 7
    '        empty:', // 8
    'flow: {list: [x, {deep: 1}]}', // 9
    'ref: &r {k: v}', // 10
    'use: *r', // 11
    '',
  ].join('\n');
  const [doc] = parseSource(text).documents;

  it('maps a JSON pointer to the line and column of the value', () => {
    expect(doc.locate('/apiVersion')).toEqual({ line: 1, column: 13 });
    expect(doc.locate('/schema/0/properties/0/required')).toEqual({
      line: 6,
      column: 19,
    });
  });

  it('maps path segments the same way', () => {
    expect(doc.locate(['schema', 0, 'properties', 1, 'name'])).toEqual({
      line: 7,
      column: 15,
    });
  });

  it('points at the key when asked', () => {
    expect(doc.locate('/schema/0/properties/0/required', 'key')).toEqual({
      line: 6,
      column: 9,
    });
  });

  it('points at the key of a key written without a value', () => {
    expect(doc.locate('/schema/0/properties/1/empty')).toEqual({
      line: 8,
      column: 9,
    });
  });

  it('finds values inside flow collections', () => {
    expect(doc.locate('/flow/list/1/deep')).toEqual({ line: 9, column: 25 });
  });

  it('follows aliases to where the repeated value is written', () => {
    expect(doc.locate('/use/k')).toEqual({ line: 10, column: 13 });
  });

  it('locates the root', () => {
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('returns undefined for paths where nothing is written', () => {
    expect(doc.locate('/missing')).toBeUndefined();
    expect(doc.locate('/schema/5')).toBeUndefined();
    expect(doc.locate('/schema/first')).toBeUndefined();
    expect(doc.locate('/apiVersion/deeper')).toBeUndefined();
  });

  it('locates in the second document of a file by file line', () => {
    const [, second] = parseSource('a: 1\n---\nb:\n  c: 2\n').documents;
    expect(second.locate('/b/c')).toEqual({ line: 4, column: 6 });
  });

  it('locates in JSON', () => {
    const [json] = parseSource(
      '{\n  "a": {\n    "b": [10, 20]\n  }\n}\n',
    ).documents;
    expect(json.locate('/a/b/1')).toEqual({ line: 3, column: 15 });
  });
});
