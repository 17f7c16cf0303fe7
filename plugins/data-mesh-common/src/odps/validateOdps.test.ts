import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import {
  corpusText,
  HAS_CORPUS,
  itCorpus,
} from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';
import { validateOdps } from './validateOdps';

/** The project's own small product, which each mutation below breaks in one place. */
const simple = () => parse(fixture('simple.odps.yaml'));

let oracle: ((value: unknown) => boolean) | undefined;
/**
 * The official ODPS v1.0.0 JSON Schema's verdict, as an oracle, from the shared corpus;
 * undefined without it.
 */
function officialVerdict(value: unknown): boolean | undefined {
  if (!HAS_CORPUS) return undefined;
  if (!oracle) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(corpusText('odps/schema/odps-json-schema-v1.0.0.json')),
    );
    oracle = v => validate(v) as boolean;
  }
  return oracle(value);
}

type Mutation = [string, (product: any) => void, string, string];

const mutations: Mutation[] = [
  ['no status', p => delete p.status, '', 'required'],
  ['an unknown top-level key', p => (p.owner = 'me'), '/owner', 'unknown-key'],
  [
    'an unknown key in a port',
    p => (p.inputPorts[0].contract = 'x'),
    '/inputPorts/0/contract',
    'unknown-key',
  ],
  [
    'an input port without contractId',
    p => delete p.inputPorts[0].contractId,
    '/inputPorts/0',
    'required',
  ],
  [
    'an output port without version',
    p => delete p.outputPorts[0].version,
    '/outputPorts/0',
    'required',
  ],
  [
    'a version that is a number',
    p => (p.outputPorts[0].version = 1),
    '/outputPorts/0/version',
    'type',
  ],
  ['tags that are not a list', p => (p.tags = 'test'), '/tags', 'type'],
  [
    'a support url that is not a URI',
    p => (p.support = [{ channel: 'c', url: 'not a url' }]),
    '/support/0/url',
    'format',
  ],
  [
    'a creation time without a time zone',
    p => (p.productCreatedTs = '2023-01-15T10:30:00'),
    '/productCreatedTs',
    'format',
  ],
  [
    'a team member joined on no real date',
    p => (p.team = { members: [{ username: 'u', dateIn: '15/01/2023' }] }),
    '/team/members/0/dateIn',
    'format',
  ],
  [
    'an unknown apiVersion',
    p => (p.apiVersion = 'v2.0.0'),
    '/apiVersion',
    'unsupported-version',
  ],
  ['another kind', p => (p.kind = 'DataContract'), '/kind', 'enum'],
  [
    'a custom property without value',
    p => (p.customProperties = [{ property: 'x' }]),
    '/customProperties/0',
    'required',
  ],
];

describe('validateOdps', () => {
  itCorpus('accepts both corpus examples, as the official schema does', () => {
    for (const file of [
      'simple-data-product.odps.yaml',
      'customer-data-product.odps.yaml',
    ]) {
      const product = parse(corpusText('odps/examples', file));
      expect(officialVerdict(product)).toBe(true);
      expect(validateOdps(product)).toEqual([]);
    }
  });

  it("accepts the project's own products (as the official schema does, when the corpus holds it)", () => {
    for (const file of ['simple.odps.yaml', 'carrier.odps.yaml']) {
      const product = parse(fixture(file));
      expect(officialVerdict(product) ?? true).toBe(true);
      expect(validateOdps(product)).toEqual([]);
    }
  });

  it.each(mutations)(
    'refuses %s at its path, as the official schema does',
    (_, mutate, pointer, rule) => {
      const product = simple();
      mutate(product);
      expect(officialVerdict(product) ?? false).toBe(false);
      const issues = validateOdps(product);
      expect(issues.map(issue => [issue.path, issue.rule])).toContainEqual([
        pointer,
        rule,
      ]);
      expect(issues.every(issue => issue.severity === 'error')).toBe(true);
    },
  );

  it('names the keys it knows when it meets an unknown one', () => {
    const product = simple();
    product.inputPorts[0].contract = 'x';
    expect(validateOdps(product)[0].message).toBe(
      'inputPorts[0] has the key "contract", which ODPS does not define; remove it, fix its spelling, or move it to "customProperties". Known keys: name, version, contractId, tags, customProperties, authoritativeDefinitions.',
    );
  });

  it('accepts a templated URI with a warning', () => {
    const product = simple();
    product.support = [
      { channel: 'c', url: 'https://chat.example.com/{team}' },
    ];
    expect(
      validateOdps(product).map(issue => [issue.severity, issue.rule]),
    ).toEqual([['warning', 'templated-uri']]);
  });
});
