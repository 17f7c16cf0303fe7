import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The data-product collator of `@backstage-data-mesh/plugin-search-backend-module-data-mesh`. */
      dataMesh?: {
        /** When data products are indexed again; every 10 minutes by default. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
