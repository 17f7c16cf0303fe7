import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  dataMeshLineageCreatePermission,
  dataMeshRestrictedReadPermission,
  dataMeshResultsCreatePermission,
  dataMeshSloEvaluatePermission,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { DataMeshPermissionPolicy } from './dataMeshPermissionPolicy';

const policy = new DataMeshPermissionPolicy();
const sam = {
  identity: {
    type: 'user' as const,
    userEntityRef: 'user:default/sam-sales',
    ownershipEntityRefs: [
      'user:default/sam-sales',
      'group:default/sales-analytics',
    ],
  },
  token: 'token',
  info: {
    userEntityRef: 'user:default/sam-sales',
    ownershipEntityRefs: [
      'user:default/sam-sales',
      'group:default/sales-analytics',
    ],
  },
} as any;

describe('DataMeshPermissionPolicy', () => {
  it('lets pipelines push results and lineage, and no person', async () => {
    for (const permission of [
      dataMeshResultsCreatePermission,
      dataMeshLineageCreatePermission,
    ]) {
      expect(await policy.handle({ permission })).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await policy.handle({ permission }, sam)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it("lets only a restricted product's owners read its contract and data", async () => {
    expect(
      await policy.handle(
        { permission: dataMeshRestrictedReadPermission },
        sam,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/sam-sales', 'group:default/sales-analytics'],
        },
      },
    });
  });

  it('allows everything else', async () => {
    expect(
      await policy.handle({ permission: dataMeshSloEvaluatePermission }, sam),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(await policy.handle({ permission: other }, sam)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});
