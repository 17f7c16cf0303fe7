import fs from 'node:fs';
import path from 'node:path';

/** The domains of the example mesh's policy files (`examples/policies/<domain>.yaml`). */
export const EXAMPLE_DOMAINS = ['sales', 'marketing', 'product', 'finance'];

/** The text of the example mesh's policy file of a domain. */
export function examplePolicyFile(domain: string): string {
  return fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../../../examples/policies',
      `${domain}.yaml`,
    ),
    'utf8',
  );
}
