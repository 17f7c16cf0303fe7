export interface Config {
  dataMesh?: {
    servers?: {
      [serverName: string]: {
        /**
         * Files (`local` servers: CSV, Parquet, JSON) and DuckDB database files (`duckdb`
         * servers): the directory contract paths are relative to. A server with a
         * `directory` is a DuckDB server.
         */
        directory?: string;
        /**
         * Each product's own directory under `directory`, with `{name}` and `{namespace}`
         * (default `{name}`). A product's checks read only there: its contract's path must
         * lie inside it, and its SQL cannot open files elsewhere.
         */
        productDirectory?: string;
        /** DuckDB `memory_limit` of each product's session (default `256MB`). */
        memoryLimit?: string;
        /** DuckDB `max_temp_directory_size`: how much a session may spill to disk (default `512MB`). */
        maxTempDirectorySize?: string;
      };
    };
  };
}
