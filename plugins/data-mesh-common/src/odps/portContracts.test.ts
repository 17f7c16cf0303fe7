import type { OdpsProduct } from './model';
import { odpsContractReferences, odpsPortContracts } from './portContracts';

describe('odpsPortContracts', () => {
  it('lists the ports that promise a contract, with where the contract file is', () => {
    expect(
      odpsPortContracts({
        outputPorts: [
          {
            name: 'table',
            contractId: 'urn:c:table',
            customProperties: [
              { property: 'contractLocation', value: ' ./table.odcs.yaml ' },
            ],
          },
          { name: 'api', type: 'rest-api' },
          { name: 'feed', contractId: 'urn:c:feed' },
          'not a port',
        ],
      } as any),
    ).toEqual([
      {
        index: 0,
        port: 'table',
        contractId: 'urn:c:table',
        location: './table.odcs.yaml',
      },
      { index: 2, port: 'feed', contractId: 'urn:c:feed' },
    ]);
  });

  it('gives nothing for a product without output ports', () => {
    expect(odpsPortContracts({} as any)).toEqual([]);
  });
});

describe('odpsContractReferences', () => {
  const product = {
    outputPorts: [
      { name: 'api', type: 'rest-api' },
      {
        name: 'table',
        contractId: 'urn:c:table',
        customProperties: [
          { property: 'contractLocation', value: 'contracts/table.yaml' },
        ],
      },
      { name: 'files', contractId: 'urn:c:files' },
      { contractId: 'urn:c:own' },
    ],
  } as unknown as OdpsProduct;

  it('says where each promised contract is read, with the port it is about', () => {
    const references = odpsContractReferences(product, {
      fileName: 'odps.yaml',
      ownContractId: 'urn:c:own',
    });
    expect(references[0]).toEqual({
      path: '/outputPorts/1',
      what: 'outputPorts[1] contractLocation',
      port: 'table',
      contractId: 'urn:c:table',
      location: 'contracts/table.yaml',
    });
    expect(references[2]).toEqual({
      path: '/outputPorts/3',
      what: 'outputPorts[3] contractLocation',
      contractId: 'urn:c:own',
    });
  });

  it('is an error in the ODPS file when a port does not say where its contract is', () => {
    const [, files] = odpsContractReferences(product, {
      fileName: 'odps.yaml',
    });
    expect(files.location).toBeUndefined();
    expect(files.issue).toEqual({
      severity: 'error',
      path: '/outputPorts/2',
      rule: 'contract-location',
      message:
        'output port "files" names contract "urn:c:files" but not where it is: add the custom property contractLocation with the contract file\'s path, relative to this file',
      file: 'odps.yaml',
    });
  });

  it("asks nothing of a port promising the entity's own contract, and only of that one", () => {
    const issues = (ownContractId?: string) =>
      odpsContractReferences(product, { fileName: 'odps.yaml', ownContractId })
        .filter(r => r.issue)
        .map(r => r.contractId);
    expect(issues('urn:c:own')).toEqual(['urn:c:files']);
    expect(issues()).toEqual(['urn:c:files', 'urn:c:own']);
  });
});
