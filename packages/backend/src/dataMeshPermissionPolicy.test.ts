import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { catalogLocationCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import {
  dataMeshActionsUsePermission,
  dataMeshLineageCreatePermission,
  dataMeshProductReadPermission,
  dataMeshResultsCreatePermission,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { DataMeshPermissionPolicy } from './dataMeshPermissionPolicy';

const policy = new DataMeshPermissionPolicy();
const userWith = (ref: string, groups: string[]) =>
  ({
    credentials: {},
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  } as any);
const sam = userWith('user:default/sam-sales', ['group:default/sales-analytics']);
const ada = userWith('user:default/ada-platform', ['group:default/data-platform']);

describe('DataMeshPermissionPolicy', () => {
  it('lets services send lineage, and no person', async () => {
    const permission = dataMeshLineageCreatePermission;
    expect(await policy.handle({ permission })).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await policy.handle({ permission }, sam)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets every signed-in person and service use the data-mesh actions', async () => {
    const permission = dataMeshActionsUsePermission;
    for (const user of [undefined, sam, ada])
      expect(await policy.handle({ permission }, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
  });

  it("decides reading and pushing for a product by the product's access model", async () => {
    expect(
      await policy.handle({ permission: dataMeshProductReadPermission }, sam),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'data-mesh',
      resourceType: 'data-mesh-product',
      conditions: {
        rule: 'IS_PRODUCT_AUDIENCE',
        resourceType: 'data-mesh-product',
        params: {
          action: 'read',
          claims: ['user:default/sam-sales', 'group:default/sales-analytics'],
        },
      },
    });
    expect(
      await policy.handle({ permission: dataMeshResultsCreatePermission }, sam),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { params: { action: 'write' } },
    });
  });

  it('lets only the platform team and services register catalog locations', async () => {
    const permission = catalogLocationCreatePermission;
    expect(await policy.handle({ permission }, sam)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await policy.handle({ permission }, ada)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await policy.handle({ permission })).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('allows everything else', async () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(await policy.handle({ permission: other }, sam)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});
