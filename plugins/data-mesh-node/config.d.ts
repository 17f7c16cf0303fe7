export interface Config {
  /** Settings of the data-mesh plugins. */
  dataMesh?: {
    /**
     * Who may discover a data product (see it exists, its fields, servers and lineage node)
     * and who may read its data (examples, SLO values, history, errors). Decided per
     * classification level: the strictest level written on the entity or in its contract.
     */
    access?: {
      /**
       * Per level: `everyone` (every signed-in user), `owners` (the product's owners), or a
       * list of user and group refs that may do so besides the owners. Defaults: public and
       * internal everyone/everyone; confidential everyone/owners; restricted and secret
       * owners/owners.
       */
      levels?: {
        [level: string]: {
          discover?: 'everyone' | 'owners' | string[];
          read?: 'everyone' | 'owners' | string[];
        };
      };
      /** The level of a product that is classified nowhere (default `internal`). */
      unclassified?: string;
      /**
       * The users and groups behind each role name contracts use in `roles[].role` (and a
       * data_product.yaml in `access.read[].role`), e.g. `analyst: [group:default/analysts]`.
       */
      roles?: { [role: string]: string[] };
    };
    /**
     * Access requests: consumers ask for read access to a product, its owners decide, and
     * grants end by themselves.
     */
    accessRequests?: {
      /** The longest a grant may run, in days (default 365); an approval names its end. */
      maxDays?: number;
      /** How long an automatically approved grant runs when the product names no `days` (default 90). */
      autoApproveDays?: number;
      /**
       * The classification levels at which a product's own `accessRequests.autoApprove` applies
       * (default public, internal, confidential); above them its owners always decide.
       */
      autoApproveLevels?: string[];
    };
    /**
     * The governance policies the catalog module, the data-mesh backend and the scaffolder
     * (through the backend) evaluate for every data product.
     */
    governance?: {
      /** Evaluate the policies (default true); false records `not-evaluated`. */
      enabled?: boolean;
      /** Apply the built-in rule pack of data-mesh-common first (default true). */
      builtIn?: boolean;
      /**
       * Policy files (`kind: PolicySet`, YAML) for every product, applied after the built-in
       * pack in this order. Relative paths are resolved against the backend's working
       * directory. A file whose `metadata.domain` is set applies to that domain only.
       */
      policies?: string[];
      /**
       * Policy files per domain (`finance: [./policies/finance.yaml]`), applied to the
       * domain's products after the global files. A file listed here may leave
       * `metadata.domain` out; if it sets it, it must name the same domain.
       */
      domains?: { [domain: string]: string[] };
    };
  };
}
