import { EventEmitter } from 'node:events';
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { mockServices } from '@backstage/backend-test-utils';
import { ContractParserThreads } from './contractParsers';

// A host where no worker thread runs: each stops with an error as it starts.
jest.mock('node:worker_threads', () => ({
  ...jest.requireActual('node:worker_threads'),
  Worker: class extends EventEmitter {
    constructor() {
      super();
      setImmediate(() =>
        this.emit('error', new Error('threads are not allowed here')),
      );
    }
    postMessage() {}
    unref() {}
    async terminate() {
      return 1;
    }
  },
}));

const contract = `apiVersion: v3.1.0
kind: DataContract
id: urn:datacontract:sales:orders
version: [not, a, version]
status: active
`;

describe('ContractParserThreads where no thread runs', () => {
  it('reads in the calling thread, losing no reading, and says so once', async () => {
    const logger = mockServices.logger.mock();
    const parsers = new ContractParserThreads({ threads: 2, logger });
    // Asked for before the threads failed: answered all the same.
    const early = await Promise.all([
      parsers.read(contract, { fileName: './a.yaml' }),
      parsers.read(contract, { fileName: './b.yaml' }),
    ]);
    expect(early).toEqual([
      readContract(contract, { fileName: './a.yaml' }),
      readContract(contract, { fileName: './b.yaml' }),
    ]);
    expect(await parsers.read(contract, {})).toEqual(
      readContract(contract, {}),
    );
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /Contracts are read in the catalog's own thread: .*threads are not allowed here/,
    );
    await parsers.close();
  });
});
