import { createBackend } from '@backstage/backend-defaults';
import { dataMeshPermissionPolicyModule } from './dataMeshPermissionPolicy';
import { exampleContractVersionsModule } from './exampleContractVersions';
import { exampleHistoryModule } from './exampleHistory';
import { examplePipelinesModule } from './examplePipelines';
import { exampleSignInModule } from './exampleSignIn';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest access for the local portal (see app-config.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// …or as one of the example organisation's people, to try the portal as an owner and as
// someone who owns nothing (auth.providers.example; development only).
backend.add(exampleSignInModule);

// Software catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Data products: contracts, lineage relations and governance verdicts (see its README).
backend.add(
  import('@backstage-data-mesh/plugin-catalog-backend-module-data-mesh'),
);

// Software templates
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// Permissions: the portal's policy (see dataMeshPermissionPolicy.ts) instead of allow-all,
// which would hide every deny.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(dataMeshPermissionPolicyModule);

// Search: PostgreSQL full-text search when the database is PostgreSQL, Lunr otherwise.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Data products are found by their contracts' objects, fields and descriptions, each by
// the users who may discover it.
backend.add(
  import('@backstage-data-mesh/plugin-search-backend-module-data-mesh'),
);

// User settings, notifications and signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Data products: SLO evaluation, pushed results, OpenLineage and lineage (see its README).
backend.add(import('@backstage-data-mesh/plugin-data-mesh-backend'));
// SLO engines: DuckDB for the example mesh's files, PostgreSQL for warehouses. Without an
// engine, SLOs are push-only.
backend.add(
  import('@backstage-data-mesh/plugin-data-mesh-backend-module-duckdb'),
);
backend.add(
  import('@backstage-data-mesh/plugin-data-mesh-backend-module-postgres'),
);
// Agents: the actions of the plugins backend.actions.pluginSources lists (data-mesh), as
// MCP tools at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// The example mesh's stand-in pipelines keep its data fresh, and 30 days of made-up history
// fill its SLO charts (example portal only).
backend.add(examplePipelinesModule);
backend.add(exampleHistoryModule);
backend.add(exampleContractVersionsModule);
backend.add(
  import('@backstage-data-mesh/plugin-scaffolder-backend-module-data-mesh'),
);

backend.start();
