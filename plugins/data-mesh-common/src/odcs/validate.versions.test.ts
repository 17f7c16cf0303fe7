import { parseSource } from '../source';
import { validateOdcs } from './validate';
import { check, errors, HEAD } from './__testUtils__/validateYaml';

const HEAD_32 = HEAD.replace('v3.1.0', 'v3.2.0');

describe('validateOdcs and versions', () => {
  it('reports ODCS v2 once, as unsupported', () => {
    const found = validateOdcs({
      apiVersion: 'v2.2.2',
      kind: 'DataContract',
      datasetName: 'orders',
      quantumName: 'orders',
      dataset: [{ table: 'orders' }],
    });
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '/apiVersion',
        rule: 'unsupported-version',
        message: expect.stringMatching(
          /^ODCS v2 is unsupported, migrate to v3/,
        ),
      }),
    ]);
  });

  it('recognises v2 by its keys when apiVersion is missing', () => {
    const found = validateOdcs({ kind: 'DataContract', datasetName: 'orders' });
    expect(found).toHaveLength(1);
    expect(found[0].rule).toBe('unsupported-version');
  });

  it('says a Data Contract Specification file is not ODCS', () => {
    const found = validateOdcs({ dataContractSpecification: '1.1.0', id: 'x' });
    expect(found).toEqual([expect.objectContaining({ rule: 'not-odcs' })]);
  });

  it('reads v3.0.x contracts by the v3.1 rules', () => {
    expect(check(HEAD.replace('v3.1.0', 'v3.0.2'))).toEqual([]);
    expect(check(HEAD.replace('v3.1.0', 'v3.0.0'))).toEqual([]);
  });

  it('accepts the v3.2 additions in a v3.2.0 contract', () => {
    const found = check(`${HEAD_32}context: Answer questions about orders only.
schema:
  - name: orders
    synonyms:
      - synonym: purchases
    context:
      instructions: Use for revenue questions.
      verifiedStatements:
        - question: How many orders?
          answer: SELECT COUNT(*) FROM orders
    properties:
      - name: status
        logicalType: string
        semanticType: dimension
        deprecated: false
        enum:
          - value: open
            label: Open
          - value: shipped
      - name: attributes
        logicalType: map
        map:
          key: { logicalType: string }
          value: { logicalType: integer }
      - name: embedding
        logicalType: vector
        logicalTypeOptions: { dimensions: 768, distanceMetric: cosine }
servers:
  - server: db
    type: postgres
    host: localhost
    port: \${DB_PORT}
    database: shop
    schema: public
  - server: lake
    type: iceberg
    catalog: main
    catalogUrl: https://catalog.example.com
slaProperties:
  - property: latency
    value: 4
    unit: h
    customProperties: [{ property: owner, value: ops, vendor: acme }]
`);
    expect(found).toEqual([]);
  });

  it('does not require status from v3.2 on', () => {
    expect(check(HEAD_32.replace('status: active\n', ''))).toEqual([]);
    expect(check(HEAD.replace('status: active\n', ''))[0].message).toMatch(
      /missing required key `status`/,
    );
  });

  it('explains that a v3.2 feature needs apiVersion v3.2.0', () => {
    const found = check(`${HEAD}schema:
  - name: orders
    properties:
      - name: status
        logicalType: string
        enum: [{ value: open }]
      - name: attributes
        logicalType: map
servers:
  - server: x
    type: teradata
    host: td
`);
    expect(found.map(i => i.path)).toEqual([
      '/schema/0/properties/0/enum',
      '/schema/0/properties/1/logicalType',
      '/servers/0/type',
    ]);
    for (const issue of found) {
      expect(issue.message).toMatch(/ODCS v3\.2 feature.*apiVersion: v3\.2\.0/);
    }
  });

  it('requires the key and value of a map, and dimensions of a vector', () => {
    const found = check(`${HEAD_32}schema:
  - name: orders
    properties:
      - name: a
        logicalType: map
      - name: b
        logicalType: map
        map: { key: { logicalType: string } }
      - name: c
        logicalType: vector
        logicalTypeOptions: { elementType: float32 }
`);
    expect(found.map(i => [i.path, i.rule])).toEqual([
      ['/schema/0/properties/0', 'required'],
      ['/schema/0/properties/1/map', 'required'],
      ['/schema/0/properties/2/logicalTypeOptions', 'required'],
    ]);
  });

  it('refuses repeated enum values', () => {
    const found = check(`${HEAD_32}schema:
  - name: orders
    properties:
      - name: status
        logicalType: string
        enum: [{ value: open }, { value: open }]
`);
    expect(found).toEqual([
      expect.objectContaining({
        path: '/schema/0/properties/0/enum/1',
        rule: 'unique-items',
      }),
    ]);
  });
});

describe('validateOdcs warnings', () => {
  it('warns about deprecated forms without making the contract invalid', () => {
    const [document] = parseSource(`${HEAD}dataProduct: shop
slaDefaultElement: orders.created_at
team:
  - username: ann
schema:
  - name: orders
    quality:
      - rule: nullCheck
        metric: nullValues
        mustBe: 0
`).documents;
    const issues = validateOdcs(document.value, document);
    expect(errors(issues)).toEqual([]);
    expect(issues.map(i => [i.path, i.rule])).toEqual([
      ['/dataProduct', 'deprecated'],
      ['/slaDefaultElement', 'deprecated'],
      ['/team', 'deprecated'],
      ['/schema/0/quality/0/rule', 'deprecated'],
    ]);
    expect(issues.every(i => i.severity === 'warning')).toBe(true);
  });

  it('keeps unknown keys where the standard allows them', () => {
    expect(
      check(`${HEAD}description:
  purpose: Orders.
  audience: finance
schema:
  - name: orders
    properties:
      - name: flag
        logicalType: boolean
        logicalTypeOptions: { trueValue: Y }
`),
    ).toEqual([]);
  });
});
