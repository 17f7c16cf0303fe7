export interface Config {
  dataMesh?: {
    servers?: {
      [serverName: string]: {
        /**
         * PostgreSQL (`postgres`/`postgresql` servers): a connection string or its parts. A
         * server with a `connection` is a PostgreSQL server.
         * @visibility secret
         */
        connection?:
          | string
          | {
              host?: string;
              port?: number;
              user?: string;
              /** @visibility secret */
              password?: string;
              database?: string;
              ssl?: boolean;
            };
        /** Connections kept open to it (default 8, as products evaluated at once). */
        poolSize?: number;
        /**
         * The role each domain's checks run as (`SET LOCAL ROLE`), by domain name, e.g.
         * `{ sales: sales_reader }`. A product whose domain has no role here (and no
         * `defaultRole`) is not evaluated on this server.
         */
        roles?: { [domain: string]: string };
        /** The role of products whose domain `roles` does not name. */
        defaultRole?: string;
      };
    };
  };
}
