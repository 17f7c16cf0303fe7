export interface Config {
  dataMesh?: {
    examples?: {
      /**
       * Days of made-up hourly SLO history to store for every example product on first start
       * (src/exampleHistory.ts), so the dashboards show trends. For the example mesh only.
       */
      backfillDays?: number;
      /**
       * The example products' pipelines (examples/generate-data.ts), run by the example
       * portal's backend so that the example data stays fresh.
       */
      pipelines?: {
        /** The example mesh folder whose products/ the data is made for. */
        examples: string;
        /** Where to write the data; the `local` server's directory. */
        directory: string;
        /** How often to rewrite it (default: every 5 minutes). */
        schedule?: {
          frequency:
            | { minutes?: number; seconds?: number; hours?: number }
            | string;
          timeout: { minutes?: number; seconds?: number } | string;
        };
      };
    };
  };
}
