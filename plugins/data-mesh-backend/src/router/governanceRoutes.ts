import type Router from 'express-promise-router';
import { evaluateDraft } from '../governance/evaluateDraft';
import type { RouterContext } from './context';
import { jsonBody } from './jsonBody';

export function governanceRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.post('/governance/evaluate', jsonBody(ctx), async (req, res) => {
    await ctx.httpAuth.credentials(req);
    res.json(evaluateDraft(ctx.verdicts, req.body ?? {}));
  });
}
