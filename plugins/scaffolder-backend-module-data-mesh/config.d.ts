export interface Config {
  dataMesh?: {
    scaffolder?: {
      /**
       * The folder `data-mesh:publish:local` publishes new data products to, one git
       * repository per product, and that the catalog reads them from (through the Location
       * file `published.yaml` the module keeps there). Relative to the backend's working
       * directory. When unset, the local-publishing actions are off.
       */
      publishDir?: string;
    };
  };
}
