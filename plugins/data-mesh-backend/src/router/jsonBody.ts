import express from 'express';
import type { RouterContext } from './context';

/** The JSON body parser of one route, with the context's size limit. */
export function jsonBody(ctx: RouterContext): express.RequestHandler {
  return express.json({
    limit: ctx.limits.bodyBytes,
    type: ['application/json', 'application/*+json'],
  });
}
