/**
 * The data-mesh actions of Backstage's actions registry, which
 * `@backstage/plugin-mcp-actions-backend` serves to agents as MCP tools once
 * `backend.actions.pluginSources` lists `data-mesh`. Every one only reads, asks
 * `data-mesh.actions.use`, and sees products as the caller may (the access gate, with the
 * caller's credentials).
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { RouterContext } from '../router/context';
import { registerFindDataProductsAction } from './findDataProductsAction';
import { registerGetDataContractAction } from './getDataContractAction';
import { registerGetSloStatusAction } from './getSloStatusAction';
import { registerCheckGovernanceAction } from './checkGovernanceAction';
import { registerDiffContractsAction } from './diffContractsAction';

export function registerActions(
  registry: ActionsRegistryService,
  ctx: RouterContext,
) {
  registerFindDataProductsAction(registry, ctx);
  registerGetDataContractAction(registry, ctx);
  registerGetSloStatusAction(registry, ctx);
  registerCheckGovernanceAction(registry, ctx);
  registerDiffContractsAction(registry, ctx);
}
