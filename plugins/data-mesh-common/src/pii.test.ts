import { isPersonalData, personalDataReason } from './pii';

describe('isPersonalData', () => {
  it('reads a pii tag, in any case', () => {
    expect(isPersonalData({ tags: ['pii'] })).toBe(true);
    expect(isPersonalData({ tags: ['finance', 'PII'] })).toBe(true);
    expect(personalDataReason({ tags: ['x', 'Pii'] })).toEqual({
      source: 'tag',
      tag: 'Pii',
    });
  });

  it('does not take tags that merely contain "pii"', () => {
    expect(isPersonalData({ tags: ['no-pii', 'piiano'] })).toBe(false);
  });

  it('reads a pii custom property set to true or "True"', () => {
    expect(
      isPersonalData({ customProperties: [{ property: 'pii', value: true }] }),
    ).toBe(true);
    expect(
      isPersonalData({
        customProperties: [{ property: 'pii', value: 'True' }],
      }),
    ).toBe(true);
    expect(
      isPersonalData({
        customProperties: [{ property: 'PII', value: 'true' }],
      }),
    ).toBe(true);
  });

  it('does not take a pii custom property set to false, or another property', () => {
    expect(
      isPersonalData({ customProperties: [{ property: 'pii', value: false }] }),
    ).toBe(false);
    expect(
      isPersonalData({
        customProperties: [{ property: 'pii', value: 'False' }],
      }),
    ).toBe(false);
    expect(
      isPersonalData({
        customProperties: [{ property: 'owner', value: true }],
      }),
    ).toBe(false);
  });

  it.each([
    'restricted',
    'Confidential',
    'pii',
    'sensitive',
    'Personal Data',
    'personal_data',
    'HIGHLY-CONFIDENTIAL',
  ])('takes the sensitive classification %s', classification => {
    expect(isPersonalData({ classification })).toBe(true);
  });

  it.each(['public', 'internal', '1', ''])(
    'does not take the classification %j',
    classification => {
      expect(isPersonalData({ classification })).toBe(false);
    },
  );

  it('is false for an unmarked property', () => {
    expect(isPersonalData({ tags: ['finance'] })).toBe(false);
    expect(isPersonalData({})).toBe(false);
  });

  it('never throws on malformed input', () => {
    expect(isPersonalData(undefined)).toBe(false);
    expect(isPersonalData(null)).toBe(false);
    expect(
      isPersonalData({
        tags: 'pii',
        customProperties: [null, 3, { property: 1 }],
        classification: 7,
      }),
    ).toBe(false);
  });
});
