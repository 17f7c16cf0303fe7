import { productContractReferences } from './contractReferences';

const entity = (
  annotations: Record<string, string>,
  dataProduct?: Record<string, unknown>,
) => ({
  metadata: { annotations },
  spec: dataProduct ? { type: 'data-product', dataProduct } : {},
});

describe('productContractReferences', () => {
  it('names the contract file and the ODPS file the annotations give, trimmed, with their pointers', () => {
    expect(
      productContractReferences(
        entity({
          'data-mesh/contract': ' ./contract.yaml ',
          'data-mesh/odps': 'product.odps.yaml',
        }),
        { fileName: 'catalog-info.yaml' },
      ),
    ).toEqual({
      contract: {
        reference: './contract.yaml',
        path: '/metadata/annotations/data-mesh~1contract',
        what: 'data-mesh/contract',
      },
      odps: {
        reference: 'product.odps.yaml',
        path: '/metadata/annotations/data-mesh~1odps',
        what: 'data-mesh/odps',
      },
      issues: [],
    });
  });

  it('gives a contract written in the entity, with where its issues are', () => {
    const contract = { apiVersion: 'v3.1.0', kind: 'DataContract' };
    expect(
      productContractReferences(entity({}, { contract }), {
        fileName: 'catalog-info.yaml',
      }),
    ).toEqual({
      inline: { value: contract, path: '/spec/dataProduct/contract' },
      issues: [],
    });
  });

  it('is an error, with nothing to read, when the contract is both inline and in a file', () => {
    expect(
      productContractReferences(
        entity(
          { 'data-mesh/contract': 'contract.yaml' },
          { contract: 'apiVersion: v3.1.0' },
        ),
        { fileName: 'catalog-info.yaml' },
      ),
    ).toEqual({
      issues: [
        {
          severity: 'error',
          path: '/spec/dataProduct/contract',
          rule: 'two-contracts',
          message:
            'the product has a contract inline and in contract.yaml (data-mesh/contract): keep one',
          file: 'catalog-info.yaml',
        },
      ],
    });
  });

  it('is an error when no contract is named (a blank annotation names none)', () => {
    const { issues, ...rest } = productContractReferences(
      entity({ 'data-mesh/contract': '  ' }, {}),
      { fileName: 'catalog-info.yaml' },
    );
    expect(rest).toEqual({});
    expect(issues).toEqual([
      expect.objectContaining({
        path: '/spec/dataProduct',
        rule: 'no-contract',
        file: 'catalog-info.yaml',
      }),
    ]);
  });

  it('lets an ODPS file alone name the contracts', () => {
    expect(
      productContractReferences(entity({ 'data-mesh/odps': 'p.yaml' }), {
        fileName: 'c.yaml',
      }).issues,
    ).toEqual([]);
  });
});
