import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  corpusFiles,
  corpusText,
  eachCorpus,
  itCorpus,
} from '../__testUtils__/corpus';
import { fixture, FIXTURES_DIR } from '../__testUtils__/fixtures';
import { normalizeContract } from '../formats/normalizeContract';
import { parseSource } from '../source';
import type { OdcsContract } from './model';
import { serializeOdcs } from './serialize';
import { contractArbitrary } from './__testUtils__/contractArbitraries';


function read(text: string): unknown {
  const { documents, issues } = parseSource(text);
  expect(issues).toEqual([]);
  return documents[0].value;
}

/** The value with its keys in order, to compare key order too. */
const inOrder = (value: unknown) => JSON.stringify(value);

const files = ['v3.1-examples', 'invalid'].flatMap(dir =>
  corpusFiles('odcs', dir).map(file => path.join(dir, file)),
);

/** The project's own ODCS contracts: the parcels fixture and the example mesh's. */
const EXAMPLES = path.resolve(__dirname, '../../../../examples/products');
const ownContracts: Array<[string, string]> = [
  ['parcels.odcs.yaml', fixture('parcels.odcs.yaml')],
  ...fs.readdirSync(EXAMPLES).flatMap(product =>
    fs
      .readdirSync(path.join(EXAMPLES, product))
      .filter(file => file.endsWith('.odcs.yaml'))
      .map(
        file =>
          [
            file,
            fs.readFileSync(path.join(EXAMPLES, product, file), 'utf8'),
          ] as [string, string],
      ),
  ),
];

function roundTrips(text: string) {
  const contract = read(text);
  const yaml = serializeOdcs(contract as OdcsContract);
  expect(read(yaml)).toEqual(contract);
  expect(inOrder(read(yaml))).toBe(inOrder(contract));
  const json = serializeOdcs(contract as OdcsContract, { format: 'json' });
  expect(read(json)).toEqual(contract);
  expect(inOrder(read(json))).toBe(inOrder(contract));
  const normalised = normalizeContract(contract as OdcsContract);
  expect(read(serializeOdcs(normalised))).toEqual(normalised);
  expect(inOrder(read(serializeOdcs(normalised)))).toBe(inOrder(normalised));
}

describe('serializeOdcs', () => {
  it.each(ownContracts)(
    "round-trips the project's %s, as written and normalised: parse, write, parse gives an equal contract, keys in order",
    (_, text) => roundTrips(text),
  );

  it('finds the fixtures', () => {
    expect(fs.existsSync(FIXTURES_DIR)).toBe(true);
    expect(ownContracts.length).toBeGreaterThanOrEqual(10);
  });

  itCorpus('has the 32 corpus files to round-trip', () => {
    expect(files).toHaveLength(32);
  });

  eachCorpus(
    files,
    'round-trips %s: parse, write, parse gives an equal contract, keys in order',
    file => {
      const contract = read(corpusText('odcs', file));
      const yaml = serializeOdcs(contract as OdcsContract);
      expect(read(yaml)).toEqual(contract);
      expect(inOrder(read(yaml))).toBe(inOrder(contract));
      const json = serializeOdcs(contract as OdcsContract, { format: 'json' });
      expect(read(json)).toEqual(contract);
      expect(inOrder(read(json))).toBe(inOrder(contract));
    },
  );

  eachCorpus(files, 'round-trips the normalised contract of %s', file => {
    const contract = normalizeContract(
      read(corpusText('odcs', file)) as OdcsContract,
    );
    expect(read(serializeOdcs(contract))).toEqual(contract);
    expect(inOrder(read(serializeOdcs(contract)))).toBe(inOrder(contract));
  });

  it('round-trips generated contracts', () => {
    fc.assert(
      fc.property(contractArbitrary, contract => {
        expect(
          read(serializeOdcs(contract as unknown as OdcsContract)),
        ).toEqual(contract);
        expect(
          inOrder(read(serializeOdcs(contract as unknown as OdcsContract))),
        ).toBe(inOrder(contract));
      }),
      { numRuns: 200 },
    );
  });

  it('quotes strings that would read back as something else', () => {
    const contract = {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'c',
      version: '1.0',
      status: 'true',
      name: '2024-01-01',
      tenant: 'null',
      domain: '0x1F',
      tags: ['~', '- x', '#no comment', 'key: value', '', ' padded '],
    } as OdcsContract;
    const yaml = serializeOdcs(contract);
    expect(read(yaml)).toEqual(contract);
    expect(inOrder(read(yaml))).toBe(inOrder(contract));
    expect(yaml).toContain('version: "1.0"');
  });

  it('writes multi-line strings as literal blocks and long lines unfolded', () => {
    const query = 'SELECT COUNT(*)\nFROM orders\nWHERE amount < 0';
    const long = 'x'.repeat(300);
    const contract = {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'c',
      version: '1',
      status: 'active',
      description: { purpose: long },
      schema: [
        { name: 'orders', quality: [{ type: 'sql', query, mustBe: 0 }] },
      ],
    } as OdcsContract;
    const yaml = serializeOdcs(contract);
    expect(yaml).toContain('query: |-\n');
    expect(yaml).toContain(`purpose: ${long}\n`);
    expect(read(yaml)).toEqual(contract);
    expect(inOrder(read(yaml))).toBe(inOrder(contract));
  });

  it('writes a value shared through YAML aliases out in full', () => {
    const contract = read(
      'apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: "1"\nstatus: active\ntags: &t [a, b]\ncustomProperties:\n  - property: tags\n    value: *t\n',
    );
    const yaml = serializeOdcs(contract as OdcsContract);
    expect(yaml).not.toMatch(/[&*]/);
    expect(read(yaml)).toEqual(contract);
    expect(inOrder(read(yaml))).toBe(inOrder(contract));
  });
});
