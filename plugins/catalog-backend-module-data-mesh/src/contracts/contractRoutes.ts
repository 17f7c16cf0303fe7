/**
 * `POST /api/catalog/data-mesh/contracts`: the recorded contracts of up to 500 products, for
 * backend plugins only (the data-mesh backend reads them with its own credentials and decides
 * per user what to show); a person's token is refused.
 */
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { RecordedProductContractsResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import express from 'express';
import Router from 'express-promise-router';
import type { ContractRecords } from './ContractRecords';

/** The most products one request may ask for. */
export const MAX_CONTRACTS_PER_REQUEST = 500;

export function contractRoutes(options: {
  records: ContractRecords;
  httpAuth: HttpAuthService;
}): express.Router {
  const router = Router();
  router.post(
    '/data-mesh/contracts',
    express.json({ limit: '1mb' }),
    async (req, res) => {
      await options.httpAuth.credentials(req, { allow: ['service'] });
      const refs = req.body?.entityRefs;
      if (
        !Array.isArray(refs) ||
        refs.length > MAX_CONTRACTS_PER_REQUEST ||
        refs.some(r => typeof r !== 'string' || r.length > 255)
      ) {
        throw new InputError(
          `entityRefs must be a list of at most ${MAX_CONTRACTS_PER_REQUEST} entity refs`,
        );
      }
      const body: RecordedProductContractsResponse = {
        items: await options.records.load(refs),
      };
      res.json(body);
    },
  );
  return router;
}
