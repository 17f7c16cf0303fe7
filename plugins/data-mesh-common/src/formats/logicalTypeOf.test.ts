import { isKnownTypeName, logicalTypeOf } from './logicalTypeOf';

describe('logicalTypeOf', () => {
  it('reads a type name by its base name, without case or parameters', () => {
    expect(logicalTypeOf('DECIMAL(12,2)')).toBe('number');
    expect(logicalTypeOf(' Timestamp_TZ ')).toBe('timestamp');
    expect(logicalTypeOf('struct')).toBe('object');
  });

  it('has no logical type for names ODCS has none for, or does not know', () => {
    expect(logicalTypeOf('variant')).toBeUndefined();
    expect(isKnownTypeName('variant')).toBe(true);
    expect(logicalTypeOf('geometry')).toBeUndefined();
    expect(isKnownTypeName('geometry')).toBe(false);
  });

  it('does not take the keys every object has for type names', () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(logicalTypeOf(name)).toBeUndefined();
      expect(isKnownTypeName(name)).toBe(false);
    }
  });
});
