import { ConversionTrace } from '../conversionTrace';
import { convertDcsField } from './dcsFields';

function convert(field: unknown, definitions: Record<string, unknown> = {}) {
  const trace = new ConversionTrace();
  const property = convertDcsField(
    'f',
    field,
    {
      source: ['models', 'm', 'fields', 'f'],
      target: ['schema', 0, 'properties', 0],
    },
    { definitions, trace },
  );
  return { property, trace };
}

describe('convertDcsField', () => {
  it('converts nested fields to properties and items to items, recording where each came from', () => {
    const { property, trace } = convert({
      type: 'object',
      fields: {
        street: { type: 'text' },
        lines: {
          type: 'array',
          items: { type: 'text', description: 'a line' },
        },
      },
    });
    expect(property).toEqual({
      name: 'f',
      logicalType: 'object',
      physicalType: 'object',
      properties: [
        { name: 'street', logicalType: 'string', physicalType: 'text' },
        {
          name: 'lines',
          logicalType: 'array',
          physicalType: 'array',
          items: {
            description: 'a line',
            logicalType: 'string',
            physicalType: 'text',
          },
        },
      ],
    });
    expect(trace.origins.get('/schema/0/properties/0/properties/1/items')).toBe(
      '/models/m/fields/f/fields/lines/items',
    );
  });

  it('turns an enum into an allowed-values rule and keeps precision, scale and unknown keys', () => {
    const { property } = convert({
      type: 'decimal',
      precision: 12,
      scale: 2,
      enum: ['1.00', '2.00'],
      owner: 'finance',
      example: '1.00',
    });
    expect(property).toEqual({
      name: 'f',
      logicalType: 'number',
      physicalType: 'decimal',
      examples: ['1.00'],
      quality: [
        {
          type: 'library',
          metric: 'invalidValues',
          arguments: { validValues: ['1.00', '2.00'] },
          mustBe: 0,
        },
      ],
      customProperties: [
        { property: 'precision', value: 12 },
        { property: 'scale', value: 2 },
        { property: 'owner', value: 'finance' },
      ],
    });
  });

  it('keeps constraints that do not fit the logical type as custom properties', () => {
    const { property } = convert({
      type: 'long',
      minLength: 3,
      minimum: 0,
      format: 'i64',
    });
    expect(property.logicalTypeOptions).toEqual({ minimum: 0 });
    expect(property.customProperties).toEqual([
      { property: 'minLength', value: 3 },
      { property: 'format', value: 'i64' },
    ]);
  });

  it('keeps map keys and values, and types ODCS v3.1 has no logical type for', () => {
    expect(
      convert({
        type: 'map',
        keys: { type: 'string' },
        values: { type: 'int' },
      }).property,
    ).toEqual({
      name: 'f',
      logicalType: 'object',
      physicalType: 'map',
      customProperties: [
        { property: 'keys', value: { type: 'string' } },
        { property: 'values', value: { type: 'int' } },
      ],
    });
    expect(convert({ type: 'variant' }).property).toEqual({
      name: 'f',
      physicalType: 'variant',
    });
  });

  it('follows definitions that reference definitions, the closest attributes winning', () => {
    const { property } = convert(
      { $ref: '#/definitions/customer_id', description: 'the buyer' },
      {
        customer_id: {
          $ref: '#/definitions/id',
          title: 'Customer ID',
          description: 'a customer',
        },
        id: {
          type: 'text',
          format: 'uuid',
          description: 'an id',
          name: 'id',
          domain: 'global',
        },
      },
    );
    expect(property).toEqual({
      name: 'f',
      businessName: 'Customer ID',
      description: 'the buyer',
      logicalType: 'string',
      logicalTypeOptions: { format: 'uuid' },
      physicalType: 'text',
      customProperties: [
        { property: '$ref', value: '#/definitions/customer_id' },
      ],
    });
  });

  it('reports a reference to a missing definition, a cycle and an external file at the $ref', () => {
    expect(convert({ $ref: '#/definitions/nope' }).trace.issues).toEqual([
      {
        severity: 'error',
        path: '/models/m/fields/f/$ref',
        rule: 'unresolved-ref',
        message:
          '$ref "#/definitions/nope" names no definition: "definitions" has no "nope". Add it there or fix the reference.',
      },
    ]);
    const cycle = convert(
      { $ref: '#/definitions/a' },
      { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } },
    );
    expect(cycle.trace.issues.map(issue => issue.rule)).toEqual(['ref-cycle']);
    const external = convert({
      $ref: 'https://example.com/definitions.yaml#/order_id',
      type: 'text',
    });
    expect(
      external.trace.issues.map(issue => [issue.severity, issue.rule]),
    ).toEqual([['warning', 'external-ref']]);
    expect(external.property.customProperties).toEqual([
      {
        property: '$ref',
        value: 'https://example.com/definitions.yaml#/order_id',
      },
    ]);
  });
});
