export interface Config {
  auth?: {
    providers?: {
      /** Sign-in as an example person (src/exampleSignIn.ts). */
      example?: {
        /** The names of the User entities one may sign in as. */
        users?: string[];
        /**
         * Lets the example sign-in work outside development (NODE_ENV). Only for tests of a
         * production build on a local machine: anyone can sign in as anyone listed.
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
  dataMesh?: {
    examples?: {
      /**
       * Days of made-up hourly SLO history to store for every example product on first start
       * (src/exampleHistory.ts), so the dashboards show trends. For the example mesh only.
       */
      backfillDays?: number;
      /**
       * The example mesh folder whose versions/versions.yaml lists past and announced
       * contract versions, recorded on start (src/exampleContractVersions.ts).
       */
      contractVersions?: string;
      /**
       * Names of the example products whose made-up month spends its 30-day error budget (its
       * last incident ended days ago, so it passes now but is at risk). Every other product's
       * month is quiet: its budget holds.
       */
      spentBudget?: string[];
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
