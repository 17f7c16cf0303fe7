import type Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import {
  contractSearchText,
  summarizeContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  DataProductSearchDocument,
  DataProductSearchDocumentsResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import type { DataProduct } from '../products/DataProduct';
import type { RouterContext } from './context';

/** Most documents one page holds. */
const MAX_PAGE = 1000;

function pageParam(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InputError(
      `${name} must be a whole number of 0 or more (found ${JSON.stringify(
        value,
      )})`,
    );
  return n;
}

function documentOf(product: DataProduct): DataProductSearchDocument {
  const text = [product.description?.trim()];
  if (product.contract) {
    text.push(
      contractSearchText(
        summarizeContract(product.contract, { format: product.format }),
      ),
    );
  }
  const document: DataProductSearchDocument = {
    title: product.title ?? product.name,
    text: text.filter(Boolean).join('\n'),
    // The Contract tab, where the fields found are: a location of its own, so the document
    // never shares one with the catalog's document of the entity (search engines keep one
    // document per location, and each is shown to whom its own permission allows).
    location: `/catalog/${product.namespace}/component/${product.name}/contract`,
    entityRef: product.entityRef,
    classification: product.classification,
    authorization: { resourceRef: product.entityRef },
  };
  if (product.owner) document.owner = product.owner;
  if (product.domain) document.domain = product.domain;
  return document;
}

export function searchRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  /**
   * What search indexes of each product the caller may discover; the search module asks
   * with its own credentials and lets search check `data-mesh.product.discover` per user.
   */
  router.get('/search/documents', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const offset = pageParam(req.query.offset, 'offset', 0);
    const limit = Math.min(
      MAX_PAGE,
      pageParam(req.query.limit, 'limit', MAX_PAGE),
    );
    const products = await ctx.products.listProducts();
    const sights = await ctx.gate.sight(credentials, products);
    const visible = products.filter(p => sights.get(p.entityRef)?.discover);
    const body: DataProductSearchDocumentsResponse = {
      items: visible.slice(offset, offset + limit).map(documentOf),
      total: visible.length,
    };
    res.json(body);
  });
}
