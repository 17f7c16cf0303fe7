import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';

/**
 * The relations between data products that the data-mesh catalog module records: a product
 * consumes data from its upstream products, which provide data to it.
 */
export const DATA_RELATIONS = ['consumesDataFrom', 'providesDataTo'] as const;

/**
 * The Catalog Graph's relations: Backstage's own and the data products' lineage, so its
 * relations filter offers `consumesDataFrom` and `providesDataTo` and draws them as a pair.
 */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              knownRelations: [...ALL_RELATIONS, ...DATA_RELATIONS],
              knownRelationPairs: [
                ...ALL_RELATION_PAIRS,
                ['providesDataTo', 'consumesDataFrom'],
              ],
              defaultRelationTypes: { exclude: [] },
            }),
        }),
    }),
  ],
});
