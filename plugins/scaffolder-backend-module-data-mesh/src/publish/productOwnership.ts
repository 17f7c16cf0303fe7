import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** The entity ref an action's input names, with `component` and `default` as defaults. */
function productRef(written: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(written, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `entityRef "${written}" is not an entity ref: write it as component:default/<name>`,
    );
  }
}

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
  /** The product, as the template names it (`component:default/sales-orders`). */
  entityRef: string;
  /** The repository the branch is proposed on. */
  repoName: string;
  credentials: BackstageCredentials;
  catalog: CatalogService;
  userInfo: UserInfoService;
}): Promise<void> {
  const ref = productRef(options.entityRef);
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
  let owner: string | undefined;
  try {
    owner =
      typeof written === 'string'
        ? stringifyEntityRef(
            parseEntityRef(written, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          )
        : undefined;
  } catch {
    owner = undefined;
  }
  if (!owner) {
    throw new NotAllowedError(
      `${ref} names no usable owner (spec.owner), so nobody may propose a new version of it: give it an owner first`,
    );
  }
  const mine = new Set(
    user.ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US')),
  );
  if (!mine.has(owner.toLocaleLowerCase('en-US'))) {
    throw new NotAllowedError(
      `${user.userEntityRef} does not own ${ref} (its owner is ${owner}): only its owners may propose a new version on its repository; ask one of them, or ask to join ${owner}`,
    );
  }
}
