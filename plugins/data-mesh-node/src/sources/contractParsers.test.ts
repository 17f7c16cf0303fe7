import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ContractParserThreads,
  inThreadContractParser,
} from './contractParsers';

/** A valid contract, and one with an error on line 4. */
const contracts = [
  `apiVersion: v3.1.0
kind: DataContract
id: urn:datacontract:sales:orders
name: Orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - { name: id, logicalType: string }
`,
  `apiVersion: v3.1.0
kind: DataContract
id: urn:datacontract:sales:orders
version: [not, a, version]
status: active
`,
];

const LATER = Symbol('later');

/** Whether a reading is still under way once the caller's own work is done. */
async function answersLater(reading: Promise<unknown>): Promise<boolean> {
  const later =
    (await Promise.race([reading, Promise.resolve(LATER)])) === LATER;
  await reading;
  return later;
}

describe('ContractParserThreads', () => {
  it('reads contracts in worker threads as readContract does, leaving the event loop free', async () => {
    const logger = mockServices.logger.mock();
    const parsers = new ContractParserThreads({ threads: 2, logger });
    try {
      const readings = await Promise.all(
        contracts.map(text =>
          parsers.read(text, { fileName: './contract.odcs.yaml' }),
        ),
      );
      readings.forEach((reading, i) =>
        expect(reading).toEqual(
          readContract(contracts[i], { fileName: './contract.odcs.yaml' }),
        ),
      );
      expect(readings[1].issues[0]).toMatchObject({ line: 4 });
      // A thread answers by a message, after the caller's turn of the event loop; the
      // calling thread has answered by the end of its turn.
      expect(await answersLater(parsers.read(contracts[0], {}))).toBe(true);
      expect(
        await answersLater(inThreadContractParser.read(contracts[0], {})),
      ).toBe(false);
      expect(logger.warn).not.toHaveBeenCalled();
    } finally {
      await parsers.close();
    }
  });
});
