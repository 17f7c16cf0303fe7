import { readFileSync } from 'fs';
import path from 'path';
import Ajv2019, { ErrorObject } from 'ajv/dist/2019';

const schemaFile = path.resolve(
  __dirname,
  '../../../../../../shared/corpus/odcs/schema/odcs-json-schema-v3.1.0.json',
);

let validate: ReturnType<Ajv2019['compile']> | undefined;

/**
 * What the official ODCS v3.1.0 JSON Schema (from the test corpus) finds wrong with a
 * contract: an oracle for tests. String formats are left out: they are the suite's own
 * validator's business, with its templated-URI policy.
 */
export function officialSchemaErrors(contract: unknown): ErrorObject[] {
  validate ??= new Ajv2019({
    strict: false,
    allErrors: true,
    validateFormats: false,
  }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  return validate(contract) ? [] : [...(validate.errors ?? [])];
}
