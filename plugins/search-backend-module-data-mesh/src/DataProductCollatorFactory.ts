/**
 * Collects data products for search from the data-mesh backend, page by page: what their
 * contracts say (objects, fields, descriptions), for every product. Search shows a document
 * to a user only when `data-mesh.product.discover` allows them that product.
 */
import { Readable } from 'node:stream';
import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { dataMeshProductDiscoverPermission } from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  DataProductSearchDocument,
  DataProductSearchDocumentsResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';

/**
 * A data product in the search index.
 * @public
 */
export type DataProductDocument = IndexableDocument & DataProductSearchDocument;

/** Documents asked for at once. */
const PAGE = 500;

/**
 * The collator of data products (search type `data-product`).
 * @public
 */
export class DataProductCollatorFactory implements DocumentCollatorFactory {
  readonly type = 'data-product';
  readonly visibilityPermission = dataMeshProductDiscoverPermission;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<DataProductDocument> {
    const base = await this.options.discovery.getBaseUrl('data-mesh');
    for (let offset = 0; ; offset += PAGE) {
      const { token } = await this.options.auth.getPluginRequestToken({
        onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
        targetPluginId: 'data-mesh',
      });
      const response = await fetch(
        `${base}/search/documents?offset=${offset}&limit=${PAGE}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const page =
        (await response.json()) as DataProductSearchDocumentsResponse;
      yield* page.items;
      if (page.items.length < PAGE || offset + PAGE >= page.total) return;
    }
  }
}
