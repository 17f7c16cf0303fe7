/**
 * The seam between the data-mesh backend and the engines that hold the data. The backend
 * decides which product is evaluated on which configured server (`dataMesh.servers`), with
 * what limits, and stores what was measured; an engine turns a server's configuration into
 * sessions that measure SLOs where the data lives (SQL pushed down, never data pulled into
 * the backend).
 */
import type { Config } from '@backstage/config';
import type {
  OdcsContract,
  OdcsServer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { FailureCategorizer } from './engineErrors';
import type { CheckLimits, EngineSession } from './types';

/**
 * What an engine learns of a product: who it is, whose, which domain, and its contract.
 *
 * @public
 */
export interface SloEngineProduct {
  /** `component:<namespace>/<name>`, lower case. */
  entityRef: string;
  name: string;
  namespace: string;
  /** The owner's entity ref. */
  owner?: string;
  /** The domain's entity ref. */
  domain?: string;
  contract?: OdcsContract;
}

/**
 * What a product may read on one server, decided by the engine from the server's
 * configuration (its own directory, its domain's database role…), never from the contract.
 * The backend hands it back to {@link SloEngineServer.open}.
 *
 * @public
 */
export type SloEngineGrant = { [key: string]: string | undefined };

/**
 * Whether a product is evaluated on a server, with what it may read there, or why not.
 *
 * @public
 */
export type SloEngineAdmission = { grant: SloEngineGrant } | { reason: string };

/**
 * What {@link SloEngineServer.open} is asked to open.
 *
 * @public
 */
export interface SloEngineRequest {
  product: SloEngineProduct;
  /**
   * The contract's server entry. Its author wrote it: read which objects to check (`path`,
   * `schema`, `database`, `format`) within what `grant` allows, never where to connect or
   * with which credentials.
   */
  server: OdcsServer;
  grant: SloEngineGrant;
  limits: CheckLimits;
}

/**
 * One configured server (`dataMesh.servers.<name>`), ready to evaluate products.
 *
 * @public
 */
export interface SloEngineServer {
  /**
   * Whether `product` is evaluated here and what it may read (asked after the server's
   * `products` and `owners` admitted it). A reason names the configuration key to change.
   */
  admit(product: SloEngineProduct): SloEngineAdmission;
  /**
   * A session for one evaluation of the product. Throw a `CheckError` for what may be
   * stored and shown; any other error is shown as its category (the engine's
   * `categorize`), its text logged only.
   */
  open(request: SloEngineRequest): Promise<EngineSession>;
  /** Releases connections when the backend stops. */
  close?(): Promise<void>;
}

/**
 * An engine that measures SLOs on the servers of one kind: DuckDB for files, PostgreSQL, or
 * a warehouse of your own. Add it to the backend with a module that calls
 * `dataMeshSloEnginesExtensionPoint.addEngine` (see the README).
 *
 * @public
 */
export interface SloEngine {
  /** The name `dataMesh.servers.<name>.engine` gives it, e.g. `duckdb`. */
  id: string;
  /** The contract server types (ODCS `servers[].type`) it evaluates, e.g. `local`, `duckdb`. */
  serverTypes: readonly string[];
  /** What its servers are, for messages: `a directory`, `a PostgreSQL connection`. */
  description: string;
  /**
   * A setting that marks a server as this engine's when `engine` is not written (DuckDB:
   * `directory`, PostgreSQL: `connection`).
   */
  configKey?: string;
  /** The engine's own settings of a server, besides `engine`, `products` and `owners`. */
  settings: readonly string[];
  /**
   * Reads the server's settings. Throw an error naming the key
   * (`dataMesh.servers.<name>.<key>`) and what to write when one is wrong: the backend does
   * not start with a server it cannot evaluate safely.
   */
  configure(server: { name: string; config: Config }): SloEngineServer;
  /** The category of an error the engine threw (see `FailureCategory`). */
  categorize: FailureCategorizer;
}
