import addFormats from 'ajv-formats';
import Ajv2019 from 'ajv/dist/2019';
import fc from 'fast-check';
import { isDate, isDateTime, isUri } from './formats';

// ajv-formats (the formats the standard's JSON Schema is checked with) as the oracle.
const ajv = new Ajv2019();
addFormats(ajv);
const official = {
  uri: ajv.compile({ type: 'string', format: 'uri' }),
  date: ajv.compile({ type: 'string', format: 'date' }),
  dateTime: ajv.compile({ type: 'string', format: 'date-time' }),
};

describe('isUri', () => {
  it.each([
    's3://bucket/path/*.parquet',
    'https://api.example.com/v1?x=1#top',
    'abfss://container@account.dfs.core.windows.net/path/*.parquet',
    'sftp://123.123.12.123/data/*.json',
    'urn:isbn:0451450523',
    'file:///tmp/data.csv',
    'http://[::1]:8080/x',
    'http://[2001:db8::7]/c=GB?objectClass?one',
    'mailto:John.Doe@example.com',
    'https://example.com/a%20b',
  ])('accepts %s', uri => {
    expect(isUri(uri)).toBe(true);
  });

  it.each([
    ['s3://bucket/{model}/*.json', 'braces are not URI characters'],
    ['/relative/path', 'no scheme'],
    ['https://exa mple.com', 'a space'],
    ['http://[::1/x', 'an unclosed IPv6 literal'],
    ['https://example.com/%zz', 'a bad percent-escape'],
    ['', 'empty'],
    ['1http://x', 'a scheme starting with a digit'],
  ])('refuses %s (%s)', uri => {
    expect(isUri(uri)).toBe(false);
  });

  it('agrees with ajv-formats on generated URIs', () => {
    const part = fc.constantFrom(
      'a',
      'Z',
      '9',
      '-',
      '.',
      '_',
      '~',
      '%20',
      '%',
      '/',
      '//',
      ':',
      '@',
      '?',
      '#',
      '[',
      ']',
      '::1',
      '[::1]',
      '[v1.x]',
      '1.2.3.4',
      '!',
      '$',
      '&',
      "'",
      '(',
      '*',
      '+',
      ',',
      ';',
      '=',
      '{',
      '}',
      ' ',
      '|',
      '^',
      '"',
      'é',
      'http:',
      's3:',
      'x-y+z.1:',
      '[::ffff:1.2.3.4]',
      '[1:2:3:4:5:6:7:8]',
      '[1::2::3]',
      '256.1.1.1',
    );
    const uri = fc.array(part, { maxLength: 12 }).map(parts => parts.join(''));
    fc.assert(
      fc.property(uri, text => {
        expect(isUri(text)).toBe(official.uri(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isDate and isDateTime', () => {
  it('knows leap years', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('1900-02-29')).toBe(false);
  });

  it('needs an offset on a date-time', () => {
    expect(isDateTime('2024-05-01T10:00:00Z')).toBe(true);
    expect(isDateTime('2024-05-01T12:00:00+02:00')).toBe(true);
    expect(isDateTime('2024-05-01T10:00:00')).toBe(false);
  });

  it('agrees with ajv-formats on generated dates and date-times', () => {
    const digits = (n: number) =>
      fc
        .array(fc.constantFrom('0', '1', '2', '3', '5', '9'), {
          minLength: n,
          maxLength: n,
        })
        .map(d => d.join(''));
    const date = fc
      .tuple(digits(4), digits(2), digits(2))
      .map(([y, m, d]) => `${y}-${m}-${d}`);
    const time = fc
      .tuple(
        digits(2),
        digits(2),
        digits(2),
        fc.constantFrom('', '.5', '.123'),
        fc.constantFrom(
          '',
          'Z',
          'z',
          '+01:00',
          '-05:30',
          '+0100',
          '+01',
          '+24:00',
          '-00:60',
        ),
      )
      .map(([h, m, s, f, z]) => `${h}:${m}:${s}${f}${z}`);
    const dateTime = fc
      .tuple(date, fc.constantFrom('T', 't', ' ', 'x'), time)
      .map(([d, sep, t]) => `${d}${sep}${t}`);
    fc.assert(
      fc.property(date, text => {
        expect(isDate(text)).toBe(official.date(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(dateTime, text => {
        expect(isDateTime(text)).toBe(official.dateTime(text));
      }),
      { numRuns: 3000 },
    );
    for (const leap of [
      '2024-12-31T23:59:60Z',
      '2024-12-31T23:59:60+01:00',
      '2025-01-01T00:59:60+01:00',
    ]) {
      expect(isDateTime(leap)).toBe(official.dateTime(leap));
    }
  });
});
