import { describeContractOrigin, sourceFormatProperties } from './provenance';

describe('describeContractOrigin', () => {
  it('names the format and version a contract was imported from', () => {
    expect(
      describeContractOrigin({
        customProperties: sourceFormatProperties('dcs', '1.1.0'),
      }),
    ).toBe('imported from DCS 1.1.0');
  });

  it('leaves out a version that only repeats the format name', () => {
    expect(
      describeContractOrigin({
        customProperties: sourceFormatProperties(
          'data-product-yaml',
          'data_product.yaml',
        ),
      }),
    ).toBe('imported from data_product.yaml');
  });

  it('says nothing for a contract written in ODCS, an unknown source format or no contract', () => {
    expect(describeContractOrigin({ apiVersion: 'v3.1.0' })).toBeUndefined();
    expect(
      describeContractOrigin({
        customProperties: [{ property: 'sourceFormat', value: 'toString' }],
      }),
    ).toBeUndefined();
    expect(describeContractOrigin('not a contract')).toBeUndefined();
  });
});
