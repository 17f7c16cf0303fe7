export interface Config {
  /** Settings of the data-mesh plugins. */
  dataMesh?: {
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
