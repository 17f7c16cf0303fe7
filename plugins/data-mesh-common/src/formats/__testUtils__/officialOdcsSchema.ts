import Ajv2019, { ErrorObject } from 'ajv/dist/2019';
import { corpusText } from '../../__testUtils__/corpus';

let validate: ReturnType<Ajv2019['compile']> | undefined;

/**
 * What the official ODCS v3.1.0 JSON Schema (from the test corpus) finds wrong with a
 * contract: an oracle for tests (that are marked as reading the corpus). String formats are left out: they are the suite's own
 * validator's business, with its templated-URI policy.
 */
export function officialSchemaErrors(contract: unknown): ErrorObject[] {
  validate ??= new Ajv2019({
    strict: false,
    allErrors: true,
    validateFormats: false,
  }).compile(
    JSON.parse(corpusText('odcs/schema/odcs-json-schema-v3.1.0.json')),
  );
  return validate(contract) ? [] : [...(validate.errors ?? [])];
}
