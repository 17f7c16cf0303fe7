import fs from 'node:fs';
import path from 'node:path';
import { parseSource } from '../source';
import { validateOdcs } from './validate';
import { check, errors, HEAD } from './__testUtils__/validateYaml';
import {
  corpusFiles,
  corpusText,
  describeCorpus,
  eachCorpus,

} from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';

function parsed(text: string, file: string) {
  const { documents } = parseSource(text, { fileName: file });
  return documents[0];
}

const readCorpus = (dir: string, file: string) =>
  parsed(corpusText('odcs', dir, file), file);

/** The ODCS contracts of the project's example mesh. */
const EXAMPLES = path.resolve(__dirname, '../../../../examples/products');
const exampleContracts = fs
  .readdirSync(EXAMPLES)
  .flatMap(product =>
    fs
      .readdirSync(path.join(EXAMPLES, product))
      .filter(file => file.endsWith('.odcs.yaml'))
      .map(file => path.join(product, file)),
  )
  .sort();

describe("validateOdcs on the project's own contracts", () => {
  it('finds no error in the parcels contract, which uses most of ODCS v3.1', () => {
    const document = parsed(fixture('parcels.odcs.yaml'), 'parcels.odcs.yaml');
    expect(errors(validateOdcs(document.value, document))).toEqual([]);
  });

  it.each(exampleContracts)('finds no error in examples/products/%s', file => {
    const document = parsed(
      fs.readFileSync(path.join(EXAMPLES, file), 'utf8'),
      file,
    );
    expect(errors(validateOdcs(document.value, document))).toEqual([]);
  });
});

describe("validateOdcs on the project's own negative cases", () => {
  // ODCS v3.2.0 contracts (enum and map are v3.2 features), one mistake each, the path it
  // is at and the rule that should catch it.
  const V32 = HEAD.replace('v3.1.0', 'v3.2.0');
  const cases: Array<[string, string, string, string]> = [
    ['an unknown top-level key', `${V32}parcelCount: 3\n`, '/parcelCount', 'unknown-key'],
    [
      'an empty enum',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: reason\n        logicalType: string\n        enum: []\n`,
      '/schema/0/properties/0/enum',
      'min-items',
    ],
    [
      'an unknown apiVersion',
      V32.replace('v3.2.0', 'v3.7.0'),
      '/apiVersion',
      'enum',
    ],
    [
      'an unknown quality dimension',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: weight\n        quality:\n          - metric: nullValues\n            mustBe: 0\n            dimension: weightiness\n`,
      '/schema/0/properties/0/quality/0/dimension',
      'enum',
    ],
    [
      'an unknown quality type',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: weight\n        quality:\n          - type: guess\n`,
      '/schema/0/properties/0/quality/0/type',
      'enum',
    ],
    [
      'a map without its keys',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: sizes\n        logicalType: map\n        map:\n          values:\n            logicalType: integer\n`,
      '/schema/0/properties/0/map',
      'required',
    ],
    [
      'a contract without its id',
      'apiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\nstatus: active\n',
      '',
      'required',
    ],
    [
      'an element key on a property-level rule',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: weight\n        quality:\n          - metric: nullValues\n            mustBe: 0\n            element: parcels.weight\n`,
      '/schema/0/properties/0/quality/0/element',
      'unknown-key',
    ],
    [
      'two operators on one rule',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: weight\n        quality:\n          - metric: nullValues\n            mustBe: 0\n            mustNotBe: 1\n`,
      '/schema/0/properties/0/quality/0/mustNotBe',
      'operator',
    ],
    [
      'a SQL rule without its query',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - name: weight\n        quality:\n          - type: sql\n            mustBe: 0\n`,
      '/schema/0/properties/0/quality/0',
      'required',
    ],
    [
      'a schema-level relationship without from and to',
      `${V32}schema:\n  - name: parcels\n    relationships:\n      - type: foreignKey\n`,
      '/schema/0/relationships/0',
      'required',
    ],
    [
      'a property without a name',
      `${V32}schema:\n  - name: parcels\n    properties:\n      - logicalType: string\n`,
      '/schema/0/properties/0',
      'required',
    ],
    [
      'a server without what its type needs',
      `${V32}servers:\n  - server: docks\n    type: postgres\n`,
      '/servers/0',
      'required',
    ],
    [
      'an SLA property without its value',
      `${V32}slaProperties:\n  - property: latency\n    unit: d\n`,
      '/slaProperties/0',
      'required',
    ],
  ];

  it.each(cases)('rejects %s at its path', (_, yaml, pointer, rule) => {
    const found = check(yaml);
    expect(found).toContainEqual(
      expect.objectContaining({ path: pointer, rule, file: 'c.yaml' }),
    );
    for (const issue of found) {
      expect(issue.line).toEqual(expect.any(Number));
      expect(issue.column).toEqual(expect.any(Number));
    }
  });

  it('names the missing keys of the contract', () => {
    expect(
      check(
        'apiVersion: v3.2.0\nkind: DataContract\nversion: 1.0.0\nstatus: active\n',
      ).map(i => i.message),
    ).toEqual([
      'missing required key `id` at the top level of the contract (a data contract needs `version`, `apiVersion`, `kind` and `id`)',
    ]);
  });
});

describeCorpus("validateOdcs on the standard's own examples", () => {
  const files = corpusFiles('odcs', 'v3.1-examples');

  it('has all 18 examples to read', () => {
    expect(files).toHaveLength(18);
  });

  eachCorpus(files, 'finds no error in %s', file => {
    const document = readCorpus('v3.1-examples', file);
    expect(errors(validateOdcs(document.value, document))).toEqual([]);
  });
});

describeCorpus("validateOdcs on the standard's negative tests", () => {
  // The path each file's name describes, and the rule that should catch it.
  const expected: Array<[string, string, string]> = [
    [
      'additional-unknown-property.odcs.yaml',
      '/unknownRootField',
      'unknown-key',
    ],
    ['enum-empty.odcs.yaml', '/schema/0/properties/0/enum', 'min-items'],
    ['invalid-api-version.odcs.yaml', '/apiVersion', 'enum'],
    [
      'invalid-quality-dimension.odcs.yaml',
      '/schema/0/properties/0/quality/0/dimension',
      'enum',
    ],
    [
      'invalid-quality-type.odcs.yaml',
      '/schema/0/properties/0/quality/0/type',
      'enum',
    ],
    ['map-missing-key.odcs.yaml', '/schema/0/properties/0/map', 'required'],
    ['missing-required-fields.odcs.yaml', '', 'required'],
    [
      'quality-element-field.odcs.yaml',
      '/schema/0/properties/0/quality/0/element',
      'unknown-key',
    ],
    [
      'quality-multiple-operators.odcs.yaml',
      '/schema/0/properties/0/quality/0/mustNotBe',
      'operator',
    ],
    [
      'quality-sql-missing-query.odcs.yaml',
      '/schema/0/properties/0/quality/0',
      'required',
    ],
    [
      'relationship-schema-level-missing-from-to.odcs.yaml',
      '/schema/0/relationships/0',
      'required',
    ],
    [
      'schema-property-missing-name.odcs.yaml',
      '/schema/0/properties/0',
      'required',
    ],
    ['server-missing-conditional-fields.odcs.yaml', '/servers/0', 'required'],
    ['sla-missing-required-value.odcs.yaml', '/slaProperties/0', 'required'],
  ];

  it('covers every file of the folder', () => {
    expect(expected.map(([file]) => file)).toEqual(
      corpusFiles('odcs', 'invalid'),
    );
  });

  it.each(expected)('rejects %s at %j', (file, pointer, rule) => {
    const document = readCorpus('invalid', file);
    const found = errors(validateOdcs(document.value, document));
    expect(found).toContainEqual(
      expect.objectContaining({ path: pointer, rule, file }),
    );
    for (const issue of found) {
      expect(issue.line).toEqual(expect.any(Number));
      expect(issue.column).toEqual(expect.any(Number));
    }
  });

  it('names the missing keys of the contract', () => {
    const document = readCorpus('invalid', 'missing-required-fields.odcs.yaml');
    const messages = errors(validateOdcs(document.value, document)).map(
      i => i.message,
    );
    expect(messages).toEqual([
      'missing required key `id` at the top level of the contract (a data contract needs `version`, `apiVersion`, `kind` and `id`)',
    ]);
  });
});

describe('validateOdcs messages', () => {
  it('suggests the key meant, from a table of synonyms', () => {
    const found = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: id
      - name: note
      - name: amount
        isNullable: false
`);
    expect(found).toEqual([
      expect.objectContaining({
        path: '/schema/0/properties/2/isNullable',
        rule: 'unknown-key',
        line: 12,
        column: 9,
        file: 'c.yaml',
      }),
    ]);
    expect(found[0].message).toMatch(
      /^unknown key `isNullable` in schema\[0\]\.properties\[2\]; did you mean `required`\?/,
    );
  });

  it('suggests the key meant, by spelling', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    physcialType: table
`);
    expect(issue.message).toBe(
      'unknown key `physcialType` in schema[0]; did you mean `physicalType`?',
    );
  });

  it('offers customProperties for a key no one could have meant', () => {
    const [issue] = check(`${HEAD}owningSquad: payments\n`);
    expect(issue.message).toMatch(
      /unknown key `owningSquad` at the top level of the contract; remove it, or keep it as a customProperties entry/,
    );
  });

  it('names the missing key and where it is missing', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: id
      - logicalType: string
`);
    expect(issue).toMatchObject({
      path: '/schema/0/properties/1',
      rule: 'required',
      line: 10,
      column: 9,
    });
    expect(issue.message).toMatch(
      /^missing required key `name` in schema\[0\]\.properties\[1\]/,
    );
  });

  it('lists the allowed values of an enum, and what was found', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    quality:
      - type: text
        dimension: foo
`);
    expect(issue.message).toBe(
      '`dimension` in schema[0].quality[0] must be one of accuracy, completeness, conformity, consistency, coverage, timeliness, uniqueness; found `foo`',
    );
    expect(issue).toMatchObject({ line: 10, column: 20 });
  });

  it('says what type was expected and what was found', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: id
        required: "yes"
`);
    expect(issue.message).toBe(
      '`required` in schema[0].properties[0] must be true or false; found the string "yes"',
    );
  });

  it('reports every error, not only the first', () => {
    const found = check(`apiVersion: v3.1.0
kind: Contract
version: 1
schema:
  - properties:
      - name: a
        logicalType: text
  - name: b
    quality:
      - type: sql
servers:
  - server: db
    type: postgres
    host: localhost
    port: "5432"
`);
    expect(found.map(i => [i.path, i.rule])).toEqual([
      ['', 'required'],
      ['', 'required'],
      ['/kind', 'enum'],
      ['/version', 'type'],
      ['/schema/0', 'required'],
      ['/schema/0/properties/0/logicalType', 'enum'],
      ['/schema/1/quality/0', 'required'],
      ['/schema/1/quality/0', 'operator'],
      ['/servers/0', 'required'],
      ['/servers/0', 'required'],
      ['/servers/0/port', 'type'],
    ]);
  });

  it('does not bury a wrong type under the keys that depend on it', () => {
    const found = check(`${HEAD}servers:
  - server: db
    type: postgress
    host: localhost
    port: 5432
`);
    expect(found.map(i => i.path)).toEqual(['/servers/0/type']);
  });

  it('says which logical type an option belongs to', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: tags
        logicalType: string
        logicalTypeOptions:
          maxItems: 3
`);
    expect(issue.message).toBe(
      '`maxItems` in schema[0].properties[0].logicalTypeOptions applies to logicalType array, not `string` (which allows minLength, maxLength, pattern, format)',
    );
  });

  it('asks for a logical type when options are given without one', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: code
        logicalTypeOptions:
          maxLength: 3
`);
    expect(issue.rule).toBe('logical-type-options');
    expect(issue.message).toMatch(/needs a `logicalType`/);
  });

  it('refuses nested properties on a property that is not an object', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: code
        logicalType: string
        properties:
          - name: x
`);
    expect(issue).toMatchObject({ path: '/schema/0/properties/0/properties' });
    expect(issue.message).toMatch(/only applies to logicalType object/);
  });

  it('refuses `from` on a property-level relationship, saying why', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: customer_id
        relationships:
          - from: orders.customer_id
            to: customers.id
`);
    expect(issue).toMatchObject({
      path: '/schema/0/properties/0/relationships/0/from',
      rule: 'not-allowed',
    });
    expect(issue.message).toMatch(/the property itself is the source/);
  });

  it('refuses a relationship whose ends are a list and a single reference', () => {
    const [issue] = check(`${HEAD}schema:
  - name: orders
    relationships:
      - from: [orders.a, orders.b]
        to: customers.id
`);
    expect(issue.rule).toBe('relationship-shape');
  });

  it('checks formats: date-times, dates and URIs', () => {
    const found = check(`${HEAD}contractCreatedTs: "2024-05-01 10:00"
team:
  members:
    - username: ann
      dateIn: 2024-02-30
servers:
  - server: lake
    type: s3
    location: "s3://bucket/{model}/*.json"
`);
    expect(found.map(i => [i.path, i.rule])).toEqual([
      ['/contractCreatedTs', 'format'],
      ['/team/members/0/dateIn', 'format'],
      ['/servers/0/location', 'format'],
    ]);
  });

  it('places issues without a source document at their path only', () => {
    const issues = validateOdcs({ apiVersion: 'v3.1.0', kind: 'DataContract' });
    expect(issues[0]).toEqual({
      severity: 'error',
      path: '',
      message: expect.stringMatching(/missing required key `version`/),
      rule: 'required',
    });
  });

  it('refuses what is not a mapping', () => {
    expect(validateOdcs('hello')).toEqual([
      expect.objectContaining({ path: '', rule: 'type' }),
    ]);
    expect(validateOdcs(null)[0].message).toMatch(
      /must be an ODCS data contract/,
    );
  });

  it('stops at properties that refer to themselves, and says so', () => {
    const properties: unknown[] = [];
    properties.push({ name: 'self', logicalType: 'object', properties });
    const contract = {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'c',
      version: '1',
      status: 'active',
      schema: [{ name: 'orders', properties }],
    };
    const found = validateOdcs(contract);
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'too-deep',
        message: expect.stringMatching(/refer to itself/),
      }),
    ]);
  });
});
