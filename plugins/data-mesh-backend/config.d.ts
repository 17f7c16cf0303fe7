import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  dataMesh?: {
    /**
     * Servers the backend evaluates SLOs on, keyed by the server name contracts use
     * (`servers[].server`). A contract server is evaluated only when it is configured here;
     * credentials, directories and roles live here, never in contracts.
     */
    servers?: {
      [serverName: string]: {
        /**
         * The products evaluated on this server (entity refs; a bare name is a component in
         * the default namespace). With `owners`, either list admits a product; with neither,
         * every product naming the server is evaluated on it.
         */
        products?: string[];
        /** The owners (group or user refs; a bare name is a group) whose products are evaluated here. */
        owners?: string[];
        /**
         * The SLO engine that evaluates this server (`duckdb`, `postgres`, or the id of an
         * engine of your own). Without it, the engine whose key the server has: `directory`
         * (DuckDB), `connection` (PostgreSQL). The engines' modules document their settings.
         */
        engine?: string;
        /**
         * Files (`local` servers: CSV, Parquet, JSON) and DuckDB database files (`duckdb`
         * servers): the directory contract paths are relative to. OpenLineage datasets of
         * files under it are matched to the products reading them, with or without an engine.
         */
        directory?: string;
      };
    };
    slo?: {
      /** Products evaluated at once on each replica (default 8): checks mostly wait on the warehouse. */
      concurrency?: number;
      /**
       * How often a product is evaluated, from its SLOs: a freshness, latency or frequency
       * promise is checked `checksPerPeriod` times within it (default 6); availability at
       * `min`; other SLOs at `default` (1 hour); never more often than `min` (5 minutes) or
       * less often than `max` (24 hours).
       */
      cadence?: {
        min?: { minutes?: number; hours?: number; seconds?: number } | string;
        max?: { minutes?: number; hours?: number; days?: number } | string;
        default?: { minutes?: number; hours?: number } | string;
        checksPerPeriod?: number;
      };
      /**
       * How often every replica looks for due products (default every minute, for at most 30
       * minutes a look); each product is due at its own cadence (`cadence`).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Milliseconds one check query may run (default 10000). */
      queryTimeoutMs?: number;
      /**
       * Checks evaluated per product and round (default 100); the contract's others are
       * `error` observations saying so.
       */
      maxChecksPerProduct?: number;
      /**
       * Milliseconds the checks of one product may take together (default 60000); the
       * checks left when it is spent are `error` observations saying so.
       */
      productTimeBudgetMs?: number;
    };
    /**
     * Which pipeline may push results for which product. A static external-access token (or
     * another service) pushes only for the products, or the owners' products, its subject is
     * mapped to here; restrict the token itself to the push permissions with
     * `accessRestrictions` (see the README).
     */
    push?: {
      subjects?: {
        [subject: string]: {
          /** Entity refs of the products it pushes for, e.g. component:default/orders. */
          products?: string[];
          /** Owners (group or user refs) whose products it pushes for. */
          owners?: string[];
        };
      };
    };
    catalog?: {
      /**
       * How often each replica asks the catalog which data products changed (default 10000
       * ms). One light call lists refs and etags; only changed products are fetched, and their
       * contracts come from what the catalog processor recorded.
       */
      refreshMs?: number;
    };
    /** What one request may cost. */
    limits?: {
      /** Largest JSON body (a push, an OpenLineage event, a draft), in bytes (default 1 MB). */
      bodyBytes?: number;
      /** Most datasets one OpenLineage event may name (default 100). */
      openLineageDatasets?: number;
      /** Most dataset edges one OpenLineage event may make (default 1000). */
      openLineageEdges?: number;
      /** Evaluations one user may have running at once (default 2). */
      evaluationsRunningPerUser?: number;
      /** Evaluations one user may start in a minute (default 20). */
      evaluationsPerMinutePerUser?: number;
    };
    history?: {
      /**
       * Days of SLO history kept (default 400). A pushed result dated earlier is refused, as
       * is one dated more than 5 minutes ahead of the backend's clock.
       */
      retentionDays?: number;
    };
    /** Access requests and grants (the rules of a grant are in data-mesh-node's schema). */
    accessRequests?: {
      /**
       * How often each replica reads the grants that hold (default 5000 ms): a revocation
       * made on another replica counts here within this time; an expiry counts at once.
       */
      refreshMs?: number;
      /**
       * How often grants whose end has come are marked expired and removed from the
       * platforms they were applied on, once across replicas (default every 30 seconds).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
