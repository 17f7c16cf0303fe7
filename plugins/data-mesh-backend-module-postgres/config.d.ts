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
        /**
         * PostgreSQL: apply approved access grants here. A grant becomes `GRANT SELECT` on the
         * tables of the product's contract (this server's schema) to the consumer's role, run
         * as the role that grants the product's domain; its expiry or revocation `REVOKE`.
         */
        grants?: {
          /**
           * A login that may grant (the checks' login is read-only); `connection` when absent.
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
          /** Who reads as which database role: a user or group ref and its role. */
          accounts: Array<{ principal: string; role: string }>;
          /**
           * The role that owns (or may grant) each domain's tables, by domain name; the
           * server's `roles` when absent. Grants run as it (`SET LOCAL ROLE`).
           */
          grantorRoles?: { [domain: string]: string };
          /** The grantor of domains `grantorRoles` does not name; else `defaultRole`. */
          defaultGrantorRole?: string;
        };
      };
    };
  };
}
