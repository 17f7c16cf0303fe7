import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { principalRef } from '@backstage-data-mesh/plugin-data-mesh-common';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { inputProductRef } from '../inputProductRef';

/**
 * Checks that the person who started the task owns the product whose repository a branch is
 * proposed on: the product is read from the catalog with that person's credentials, its
 * `spec.owner` must be one of the person's ownership refs (themselves or a group they belong
 * to), and the repository must be the product's own (named as the product).
 *
 * @throws InputError when the product is unknown or the repository is another product's,
 *   NotAllowedError when the person does not own it
 */
export async function assertOwnsProduct(options: {
  /** The product, as the template names it (`component:default/orders`). */
  entityRef: string;
  /** The repository the branch is proposed on. */
  repoName: string;
  credentials: BackstageCredentials;
  catalog: CatalogService;
  userInfo: UserInfoService;
}): Promise<void> {
  const ref = inputProductRef(options.entityRef);
  const entity = await options.catalog.getEntityByRef(ref, {
    credentials: options.credentials,
  });
  if (!entity) {
    throw new InputError(
      `${ref} is not in the catalog (or you may not see it): a new version can only be proposed for an existing product you own`,
    );
  }
  if (entity.metadata.name.toLocaleLowerCase('en-US') !== options.repoName) {
    throw new InputError(
      `repoName "${options.repoName}" is not the repository of ${ref}: propose its new version on its own repository, "${entity.metadata.name}"`,
    );
  }
  let user;
  try {
    user = await options.userInfo.getUserInfo(options.credentials);
  } catch {
    throw new NotAllowedError(
      `proposing a new version of ${ref} needs a signed-in user who owns it, and this task was not started by one`,
    );
  }
  const written = entity.spec?.owner;
  const owner = principalRef(written, entity.metadata.namespace);
  if (!owner) {
    throw new NotAllowedError(
      `${ref} names no usable owner (spec.owner), so nobody may propose a new version of it: give it an owner first`,
    );
  }
  const mine = new Set(user.ownershipEntityRefs.map(r => principalRef(r)));
  if (!mine.has(owner)) {
    throw new NotAllowedError(
      `${user.userEntityRef} does not own ${ref} (its owner is ${owner}): only its owners may propose a new version on its repository; ask one of them, or ask to join ${owner}`,
    );
  }
}
