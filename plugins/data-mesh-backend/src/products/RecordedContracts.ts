/**
 * The contracts the catalog processor read, as the data-mesh catalog module keeps them
 * (`POST /api/catalog/data-mesh/contracts`): the backend reads contracts from there, so no
 * replica reads a contract from its source again.
 */
import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  RecordedProductContract,
  RecordedProductContractsResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';

/** What the backend asks of the recorded contracts. */
export interface RecordedContracts {
  /** The records of these products, by lower-case entity ref; products without one are absent. */
  load(
    entityRefs: readonly string[],
  ): Promise<Map<string, RecordedProductContract>>;
}

const CHUNK = 500;
/** After the catalog answered that it keeps no records, ask again only after this. */
const RETRY_MS = 60_000;

/** {@link RecordedContracts} over the catalog module's route, with the backend's own credentials. */
export class CatalogRecordedContracts implements RecordedContracts {
  private unavailableUntil = 0;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async load(
    entityRefs: readonly string[],
  ): Promise<Map<string, RecordedProductContract>> {
    const found = new Map<string, RecordedProductContract>();
    if (entityRefs.length === 0 || Date.now() < this.unavailableUntil)
      return found;
    const base = await this.options.discovery.getBaseUrl('catalog');
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const { token } = await this.options.auth.getPluginRequestToken({
        onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
        targetPluginId: 'catalog',
      });
      const response = await fetch(`${base}/data-mesh/contracts`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ entityRefs: entityRefs.slice(i, i + CHUNK) }),
      });
      if (response.status === 404) {
        this.unavailableUntil = Date.now() + RETRY_MS;
        this.options.logger.warn(
          'The catalog keeps no data product contracts (is @backstage-data-mesh/plugin-catalog-backend-module-data-mesh installed, and up to date?); contracts are read from their source instead',
        );
        return found;
      }
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const page = (await response.json()) as RecordedProductContractsResponse;
      for (const record of page.items)
        found.set(record.entityRef.toLocaleLowerCase('en-US'), record);
    }
    return found;
  }
}
