import { odpsPortContracts } from './portContracts';

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
