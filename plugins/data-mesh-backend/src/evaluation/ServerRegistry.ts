/**
 * The servers the backend may evaluate, from `dataMesh.servers.<name>` in app-config: a
 * contract's server is evaluated only when the configuration names it, serves the product
 * (its `products` and `owners`) and, on PostgreSQL with `roles`, has a role for the
 * product's domain. Credentials, directories and roles come from there, never from the
 * contract; each product reads only its own directory (files) or as its domain's role
 * (PostgreSQL).
 */
import path from 'node:path';
import {
  type OdcsServer,
  parseProductRef,
  physicalName,
  principalRef,
  productRef,
  schemaObjects,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct } from '../products/DataProduct';
import { DUCKDB_DEFAULT_LIMITS, DuckDbSession } from './engines/DuckDbSession';
import { PostgresPools, PostgresSession } from './engines/PostgresSession';
import { CheckError } from './engines/engineErrors';
import type { CheckLimits, EngineSession } from './engines/types';
import {
  DEFAULT_PRODUCT_DIRECTORY,
  type PostgresServerSettings,
  type ServerSettings,
} from './serverSettings';

export {
  readServerSettings,
  type ServerSettings,
  type FileServerSettings,
  type PostgresServerSettings,
} from './serverSettings';

/** The contract server a product is evaluated on, with what the product may read there. */
export interface EvaluatedServer {
  server: OdcsServer;
  settings: ServerSettings;
  /** Files: the product's own directory, relative to the server's directory. */
  productDirectory?: string;
  /** PostgreSQL: the role its checks run as. */
  role?: string;
}

/** What the registry reads of a product: who it is, whose, which domain, and its contract. */
export type ProductOnServer = Pick<
  DataProduct,
  'entityRef' | 'name' | 'namespace' | 'owner' | 'domain' | 'contract'
>;

/** Whether a product is evaluated on a contract server, or why not. */
export type ServerChoice = { evaluated: EvaluatedServer } | { reason: string };

const FILE_TYPES = new Set(['local', 'duckdb']);
const POSTGRES_TYPES = new Set(['postgres', 'postgresql']);

/** `{name}` and `{namespace}` of the template, for one product. */
export function renderProductDirectory(
  template: string,
  product: Pick<DataProduct, 'name' | 'namespace'>,
): string {
  return path.normalize(
    template
      .replace(/\{name\}/g, product.name)
      .replace(/\{namespace\}/g, product.namespace),
  );
}

/** Whether a server's `products` and `owners` admit the product (neither list: every product). */
export function servesProduct(
  settings: ServerSettings,
  product: Pick<ProductOnServer, 'entityRef' | 'owner'>,
): boolean {
  if (!settings.products && !settings.owners) return true;
  // both sides written by the one rule of references (data-mesh-common's productRef)
  const owner = principalRef(product.owner);
  return (
    !!settings.products?.includes(productRef(product.entityRef)) ||
    (owner !== undefined && !!settings.owners?.includes(owner))
  );
}

/** The name of the product's domain (lower case), from its Domain entity ref. */
export function domainName(
  product: Pick<ProductOnServer, 'domain'>,
): string | undefined {
  if (!product.domain) return undefined;
  try {
    return parseProductRef(product.domain, { defaultKind: 'domain' }).name;
  } catch {
    return undefined;
  }
}

function roleFor(
  product: ProductOnServer,
  settings: PostgresServerSettings,
): { role?: string } | { reason: string } {
  if (!settings.roles) return { role: settings.defaultRole };
  const domain = domainName(product);
  const role = (domain && settings.roles[domain]) || settings.defaultRole;
  if (role) return { role };
  return {
    reason: `server ${settings.name} has no role for ${
      domain ? `domain ${domain}` : `${product.entityRef}, which has no domain`
    } (dataMesh.servers.${settings.name}.roles, .defaultRole)`,
  };
}

export class ServerRegistry {
  private readonly pools = new PostgresPools();

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
    const types = settings.engine === 'duckdb' ? FILE_TYPES : POSTGRES_TYPES;
    if (!types.has(server.type))
      return {
        reason: `server ${name} is of type ${
          server.type
        }, which dataMesh.servers.${name} (${
          settings.engine === 'duckdb'
            ? 'a directory'
            : 'a PostgreSQL connection'
        }) does not evaluate`,
      };
    if (settings.products || settings.owners) {
      if (!servesProduct(settings, product)) {
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
    if (settings.engine === 'duckdb') {
      return {
        evaluated: {
          server,
          settings,
          productDirectory: renderProductDirectory(
            settings.productDirectory ?? DEFAULT_PRODUCT_DIRECTORY,
            product,
          ),
        },
      };
    }
    const role = roleFor(product, settings);
    if ('reason' in role) return role;
    return { evaluated: { server, settings, role: role.role } };
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
    const { server, settings } = evaluated;
    const objects = schemaObjects(product.contract).map(physicalName);
    const fields = server as unknown as Record<string, unknown>;
    const schema =
      typeof fields.schema === 'string' ? fields.schema : undefined;
    if (settings.engine === 'duckdb') {
      const database = server.type === 'duckdb';
      const written = String((database ? fields.database : fields.path) ?? '');
      if (!written)
        throw new CheckError(
          `server "${server.server}" names no ${
            database ? 'database' : 'path'
          }`,
        );
      return DuckDbSession.open(
        {
          server: server.server,
          directory: settings.directory,
          productDirectory:
            evaluated.productDirectory ??
            renderProductDirectory(DEFAULT_PRODUCT_DIRECTORY, product),
          kind: database ? 'database' : 'files',
          path: written,
          format: typeof fields.format === 'string' ? fields.format : undefined,
          schema,
          objects,
        },
        {
          ...this.limits,
          memoryLimit:
            settings.memoryLimit ?? DUCKDB_DEFAULT_LIMITS.memoryLimit,
          maxTempDirectorySize:
            settings.maxTempDirectorySize ??
            DUCKDB_DEFAULT_LIMITS.maxTempDirectorySize,
        },
      );
    }
    return new PostgresSession(
      {
        server: server.server,
        pool: this.pools.get(settings.name, settings.connection),
        schema,
        role: evaluated.role,
      },
      this.limits,
    );
  }

  async close(): Promise<void> {
    await this.pools.close();
  }
}
