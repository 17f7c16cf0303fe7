import { classifyUri } from './uri';

describe('classifyUri', () => {
  it('accepts absolute URIs, globs included', () => {
    expect(classifyUri('https://example.com/privacy-policy')).toBe('uri');
    expect(classifyUri('s3://covid19-lake/enigma-jhu/json/*.json')).toBe('uri');
    expect(classifyUri('mailto:data-support@retailcorp.com')).toBe('uri');
  });

  it('recognises a URI with {placeholders} as templated', () => {
    expect(
      classifyUri('s3://datacontract-example-orders-latest/v2/{model}/*.json'),
    ).toBe('templated');
  });

  it('rejects relative references, spaces and text', () => {
    expect(classifyUri('/data-products/orders')).toBe('invalid');
    expect(classifyUri('https://example.com/a b')).toBe('invalid');
    expect(classifyUri('not a uri')).toBe('invalid');
    expect(classifyUri('s3://bucket/{ model }/x')).toBe('invalid');
  });
});
