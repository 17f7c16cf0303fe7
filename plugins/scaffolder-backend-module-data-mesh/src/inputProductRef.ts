import { InputError } from '@backstage/errors';
import { productRef } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The product an action's input names (`entityRef`), by data-mesh-common's one rule of
 * product references: a bare name is a component in the default namespace; lower case.
 *
 * @throws InputError when the text is not an entity ref, saying how to write one
 */
export function inputProductRef(written: string, input = 'entityRef'): string {
  try {
    return productRef(written);
  } catch (error) {
    throw new InputError(`${input}: ${(error as Error).message}`);
  }
}
