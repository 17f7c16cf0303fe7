import {
  formatIssue,
  formatPath,
  hasErrors,
  parseJsonPointer,
  toJsonPointer,
} from './issues';

describe('JSON pointers', () => {
  it('builds a pointer from keys and indexes', () => {
    expect(toJsonPointer(['schema', 0, 'properties', 1, 'name'])).toBe(
      '/schema/0/properties/1/name',
    );
  });

  it('writes the root as the empty string', () => {
    expect(toJsonPointer([])).toBe('');
    expect(parseJsonPointer('')).toEqual([]);
  });

  it('escapes "~" and "/" inside keys, and reads them back', () => {
    const pointer = toJsonPointer(['a/b', 'c~d', '~/']);
    expect(pointer).toBe('/a~1b/c~0d/~0~1');
    expect(parseJsonPointer(pointer)).toEqual(['a/b', 'c~d', '~/']);
  });

  it('unescapes "~01" as "~1", not as "/"', () => {
    expect(parseJsonPointer('/~01')).toEqual(['~1']);
  });

  it('keeps empty keys', () => {
    expect(toJsonPointer(['', 'x'])).toBe('//x');
    expect(parseJsonPointer('//x')).toEqual(['', 'x']);
  });

  it('refuses text that is not a pointer, saying what a pointer looks like', () => {
    expect(() => parseJsonPointer('schema/0')).toThrow(/starts with "\/"/);
  });
});

describe('formatPath', () => {
  it('writes keys with dots and indexes with brackets', () => {
    expect(formatPath(['schema', 0, 'properties', 2])).toBe(
      'schema[0].properties[2]',
    );
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['customProperties', 0, 'value', 'a b'])).toBe(
      'customProperties[0].value["a b"]',
    );
  });

  it('names the root', () => {
    expect(formatPath([])).toBe('the document root');
  });
});

describe('formatIssue', () => {
  it('puts file, line and column first', () => {
    expect(
      formatIssue({
        severity: 'error',
        path: '/id',
        message: 'missing required key `id`',
        file: 'orders.yaml',
        line: 3,
        column: 1,
        rule: 'required',
      }),
    ).toBe(
      'orders.yaml:3:1 error [required] missing required key `id` (at /id)',
    );
  });

  it('works without a file or position', () => {
    expect(
      formatIssue({ severity: 'warning', path: '', message: 'empty file' }),
    ).toBe('warning empty file');
  });
});

describe('hasErrors', () => {
  it('is false for warnings only', () => {
    expect(hasErrors([{ severity: 'warning', path: '', message: 'x' }])).toBe(
      false,
    );
    expect(
      hasErrors([
        { severity: 'warning', path: '', message: 'x' },
        { severity: 'error', path: '', message: 'y' },
      ]),
    ).toBe(true);
  });
});
