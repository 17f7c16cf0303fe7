/**
 * The servers the backend may evaluate, from `dataMesh.servers.<name>` in app-config: a
 * contract's server is evaluated only when the configuration names it, an installed engine
 * evaluates its type, it serves the product (its `products` and `owners`), and its engine
 * admits the product (DuckDB: the product's own directory; PostgreSQL with `roles`: a role
 * for the product's domain). Credentials, directories and roles come from there, never from
 * the contract.
 */
import type { OdcsServer } from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  CheckLimits,
  EngineSession,
  SloEngine,
  SloEngineGrant,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { serverServesProduct } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { DataProduct } from '../products/DataProduct';
import type { ServerSettings } from './serverSettings';

export { readServerSettings, type ServerSettings } from './serverSettings';

/** The contract server a product is evaluated on, with what the product may read there. */
export interface EvaluatedServer {
  server: OdcsServer;
  settings: Extract<ServerSettings, { engine: SloEngine }>;
  /** What its engine lets the product read there (its own directory, its domain's role). */
  grant: SloEngineGrant;
}

/** What the registry reads of a product: who it is, whose, which domain, and its contract. */
export type ProductOnServer = Pick<
  DataProduct,
  'entityRef' | 'name' | 'namespace' | 'owner' | 'domain' | 'contract'
>;

/** Whether a product is evaluated on a contract server, or why not. */
export type ServerChoice = { evaluated: EvaluatedServer } | { reason: string };

export class ServerRegistry {
  constructor(
    private readonly settings: Map<string, ServerSettings>,
    private readonly limits: CheckLimits,
  ) {}

  /** Milliseconds one query may run. */
  get timeoutMillis(): number {
    return this.limits.timeoutMillis;
  }

  /** Whether `product` is evaluated on its contract server `server`, or why not. */
  choose(product: ProductOnServer, server: OdcsServer): ServerChoice {
    const name = server.server;
    const settings = this.settings.get(name);
    if (!settings)
      return {
        reason: `server ${name} is not configured (dataMesh.servers.${name})`,
      };
    if (!settings.engine) return { reason: settings.unavailable };
    if (!settings.engine.serverTypes.includes(server.type))
      return {
        reason: `server ${name} is of type ${server.type}, which dataMesh.servers.${name} (${settings.engine.description}) does not evaluate`,
      };
    if (settings.products || settings.owners) {
      if (!serverServesProduct(settings, product)) {
        const keys = [
          settings.products ? `dataMesh.servers.${name}.products` : '',
          settings.owners ? `dataMesh.servers.${name}.owners` : '',
        ].filter(Boolean);
        return {
          reason: `server ${name} does not serve ${
            product.entityRef
          } (${keys.join(', ')})`,
        };
      }
    }
    const admission = settings.server.admit(product);
    if ('reason' in admission) return admission;
    return { evaluated: { server, settings, grant: admission.grant } };
  }

  /** True when `product` is evaluated on its contract server `server`. */
  isEvaluated(product: ProductOnServer, server: OdcsServer): boolean {
    return 'evaluated' in this.choose(product, server);
  }

  /**
   * The server a product is evaluated on: the first of its contract's servers that is
   * configured and serves it; else why none is.
   */
  serverFor(product: ProductOnServer): ServerChoice {
    const reasons: string[] = [];
    for (const server of product.contract?.servers ?? []) {
      if (!server) continue;
      const choice = this.choose(product, server);
      if ('evaluated' in choice) return choice;
      reasons.push(choice.reason);
    }
    return {
      reason: reasons.length
        ? reasons.join('; ')
        : `the contract of ${product.entityRef} names no server`,
    };
  }

  /** The configured servers. */
  configured(): ServerSettings[] {
    return [...this.settings.values()];
  }

  /** Opens a session on the product's evaluated server. */
  async open(
    product: ProductOnServer,
    evaluated: EvaluatedServer,
  ): Promise<EngineSession> {
    return evaluated.settings.server.open({
      product,
      server: evaluated.server,
      grant: evaluated.grant,
      limits: this.limits,
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.settings.values()].map(s =>
        s.engine ? s.server.close?.() : undefined,
      ),
    );
  }
}
