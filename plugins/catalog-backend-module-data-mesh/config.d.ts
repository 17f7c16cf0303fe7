export interface Config {
  dataMesh?: {
    catalog?: {
      /**
       * Worker threads in which the catalog module parses and validates contracts, so that
       * reading them does not hold up the catalog's own work (default: one fewer than the
       * machine's cores, one at least and two at most). 0 reads them in the catalog's thread.
       */
      parserThreads?: number;
    };
  };
}
