export interface Config {
  /** Settings of the data-mesh plugins. */
  dataMesh?: {
    /** Governance as the catalog processor applies it to every data product. */
    governance?: {
      /** Evaluate the policies while processing (default true); false records `not-evaluated`. */
      enabled?: boolean;
      /** Apply the built-in rule pack of data-mesh-common (default true). */
      builtIn?: boolean;
      /**
       * Policy files (`kind: PolicySet`, YAML), global or for one domain, applied after the
       * built-in pack. Paths are relative to the backend's working directory.
       */
      policyFiles?: string[];
    };
  };
}
