import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  type SloEngine,
  dataMeshSloEnginesExtensionPoint,
  type GrantPlatform,
  dataMeshGrantPlatformsExtensionPoint,
  dataMeshProductResourceRef,
  type DataMeshHistorySource,
  dataMeshHistoryExtensionPoint,
  loadGovernancePolicies,
  readAccessRequestSettings,
  readAccessSettings,
  scmResolveUrl,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { migratedClient } from './database/migrate';
import { ObservationStore } from './database/ObservationStore';
import { LineageStore } from './database/LineageStore';
import { AlertOutbox } from './database/AlertOutbox';
import { readHistoryRetention } from './results/pushBounds';
import { CatalogProducts } from './products/CatalogProducts';
import { CatalogRecordedContracts } from './products/RecordedContracts';
import {
  ServerRegistry,
  readServerSettings,
} from './evaluation/ServerRegistry';
import { readServerDirectories } from './evaluation/serverSettings';
import { announceEngines } from './evaluation/announceEngines';
import { SloRecorder } from './evaluation/SloRecorder';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { EvaluationSchedule } from './database/EvaluationSchedule';
import { ProductIndex } from './database/ProductIndex';
import { ProductIndexer } from './products/ProductIndexer';
import {
  readCheckLimits,
  readEvaluatorSettings,
  readProductLimits,
} from './evaluation/evaluationLimits';
import { SloAlerts } from './alerts/SloAlerts';
import { LineageService } from './lineage/LineageService';
import { groupStates, healthOf } from './products/productHealth';
import { ProductVerdicts } from './governance/ProductVerdicts';
import { createRouter } from './router/createRouter';
import { importHistory } from './history/importHistory';
import {
  ProductAccessGate,
  registerProductResources,
} from './access/ProductAccessGate';
import { PushSubjects } from './access/PushSubjects';
import {
  DEFAULT_EVALUATION_LIMITS,
  EvaluationLimiter,
} from './access/EvaluationLimiter';
import { DEFAULT_REQUEST_LIMITS, type RouterContext } from './router/context';
import { registerActions } from './actions/registerActions';
import { AccessStore } from './database/AccessStore';
import { GrantView } from './access/GrantView';
import { AccessRequests } from './access/AccessRequests';
import { VersionStore } from './database/VersionStore';
import { ProductConsumers } from './versions/ProductConsumers';
import { ContractVersions } from './versions/ContractVersions';

/**
 * The data-mesh backend plugin: SLO evaluation on a schedule, pushed results, OpenLineage
 * ingestion, lineage and the product API under `/api/data-mesh`. Modules add history sources
 * through data-mesh-node's `dataMeshHistoryExtensionPoint`.
 *
 * @public
 */
export const dataMeshPlugin = createBackendPlugin({
  pluginId: 'data-mesh',
  register(env) {
    const engines: SloEngine[] = [];
    env.registerExtensionPoint(dataMeshSloEnginesExtensionPoint, {
      addEngine(engine) {
        if (engines.some(e => e.id === engine.id))
          throw new Error(
            `the SLO engine "${engine.id}" was added twice; add each engine module once`,
          );
        engines.push(engine);
      },
    });
    // Modules add the platforms on which access grants are applied (see data-mesh-node).
    const grantPlatforms: GrantPlatform[] = [];
    env.registerExtensionPoint(dataMeshGrantPlatformsExtensionPoint, {
      addGrantPlatform(platform) {
        grantPlatforms.push(platform);
      },
    });
    const historySources: DataMeshHistorySource[] = [];
    env.registerExtensionPoint(dataMeshHistoryExtensionPoint, {
      addHistorySource(source) {
        historySources.push(source);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        userInfo: coreServices.userInfo,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, httpRouter, lifecycle } = deps;

        const db = await migratedClient(deps.database);
        const observations = new ObservationStore(db, {
          retentionMs: readHistoryRetention(config),
        });
        const lineageEvents = new LineageStore(db);
        const products = new CatalogProducts({
          catalog: deps.catalog,
          auth: deps.auth,
          urlReader: deps.urlReader,
          resolveUrl: scmResolveUrl(config),
          logger,
          accessSettings: readAccessSettings(config),
          records: new CatalogRecordedContracts({
            discovery: deps.discovery,
            auth: deps.auth,
            logger,
          }),
          refreshMillis:
            config.getOptionalNumber('dataMesh.catalog.refreshMs') ?? 10_000,
        });
        // Who holds a read grant, in memory, read again every few seconds.
        const accessStore = new AccessStore(db);
        const grants = new GrantView(accessStore, {
          logger,
          refreshMillis: config.getOptionalNumber(
            'dataMesh.accessRequests.refreshMs',
          ),
        });
        await grants.start();
        lifecycle.addShutdownHook(() => grants.stop());
        // Data products are a permission resource of this plugin: policies answer who may
        // discover and read them with the data-mesh conditions, applied here.
        registerProductResources(
          deps.permissionsRegistry,
          products,
          grants.lookup,
        );
        const gate = new ProductAccessGate({
          permissions: deps.permissions,
          catalog: deps.catalog,
          grants: grants.lookup,
          ruleset: deps.permissionsRegistry.getPermissionRuleset(
            dataMeshProductResourceRef,
          ),
        });
        // The explorer's list lives in the database, kept in step with the products.
        const productIndex = new ProductIndex(db);
        // Each product's one governance verdict: listed, filtered and shown the same everywhere.
        const verdicts = new ProductVerdicts(
          await loadGovernancePolicies(config),
        );
        const indexer = new ProductIndexer(
          productIndex,
          observations,
          verdicts,
        );
        products.onChange(async change => {
          // Policies over lineage read each product's neighbours: a product whose
          // neighbours changed is governed again with them.
          const touched = verdicts.mesh(change.all, [
            ...change.changed.map(p => p.entityRef),
            ...change.removed,
          ]);
          if (change.initial) {
            await indexer.all(change.all);
            return;
          }
          const again = change.all.filter(p => touched.includes(p.entityRef));
          await indexer.changed([...change.changed, ...again], change.removed);
        });
        const settings = readServerSettings(config, engines);
        announceEngines(logger, engines, settings);
        const servers = new ServerRegistry(settings, readCheckLimits(config));
        const directories = readServerDirectories(config);
        lifecycle.addShutdownHook(() => servers.close());
        const alerts = new SloAlerts(
          deps.notifications,
          logger,
          new AlertOutbox(db),
        );
        const recorder = new SloRecorder(observations, alerts, async ref => {
          const product = await products.getProduct(ref);
          if (product) await indexer.recorded(product);
        });
        // Grants are applied where the data lives by the platforms modules add (the
        // PostgreSQL module's GRANT/REVOKE among them); without one they stay in the portal.
        const access = new AccessRequests({
          store: accessStore,
          products,
          grants,
          platforms: () => grantPlatforms,
          logger,
          settings: readAccessRequestSettings(config),
          notify: !!deps.notifications,
          deliver: ref => alerts.deliverNow(ref),
        });
        const productLimits = readProductLimits(config);
        const evaluator = new SloEvaluator(
          products,
          servers,
          recorder,
          logger,
          new EvaluationSchedule(db),
          productLimits,
          readEvaluatorSettings(config, productLimits),
        );
        // A replica that stops gives its claimed products to the others at once.
        lifecycle.addShutdownHook(() => evaluator.stop());
        const lineage = new LineageService({
          products,
          store: lineageEvents,
          health: async () => {
            const [list, states] = await Promise.all([
              products.listProducts(),
              observations.states(),
            ]);
            const byProduct = groupStates(states);
            return new Map(
              list.map(p => [
                p.entityRef,
                healthOf(p, byProduct.get(p.entityRef) ?? []),
              ]),
            );
          },
          serverDirectory: name => directories.get(name),
        });

        // Contract versions: every contract the catalog serves is kept, a breaking one tells
        // the consumers it hits; producers announce versions before publishing them.
        const consumers = new ProductConsumers({
          products,
          grants: grants.lookup,
          lineage,
        });
        const versions = new ContractVersions({
          store: new VersionStore(db),
          products,
          consumers,
          logger,
          notify: !!deps.notifications,
          deliver: ref => alerts.deliverNow(ref),
          deprecationDays: config.getOptionalNumber(
            'dataMesh.versions.deprecationDays',
          ),
        });
        products.onChange(async change => {
          try {
            await versions.noticed({
              initial: change.initial,
              changed: change.initial ? change.all : change.changed,
            });
          } catch (error) {
            logger.warn(`Could not record the contract versions: ${error}`);
          }
        });

        const scheduleConfig = config.getOptionalConfig(
          'dataMesh.slo.schedule',
        );
        // Every replica looks for due products this often and evaluates them with the others;
        // each product is due at the cadence its SLOs ask for (dataMesh.slo.cadence).
        await scheduler.scheduleTask({
          id: 'data-mesh-slo-evaluation',
          scope: 'local',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : {
                frequency: { minutes: 1 },
                timeout: { minutes: 30 },
                initialDelay: { seconds: 30 },
              }),
          fn: async (signal: AbortSignal) => {
            await importHistory(historySources, products, observations, {
              logger,
            });
            await evaluator.runDue({ signal });
          },
        });

        // Alerts the notifications service did not take yet, on whichever replica is free.
        await scheduler.scheduleTask({
          id: 'data-mesh-alert-delivery',
          scope: 'global',
          frequency: { seconds: 30 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await alerts.deliverPending();
          },
        });

        // Grants whose time is up end (and are removed where they were applied), once,
        // on whichever replica runs the task; grants a platform failed to take are retried.
        const accessSchedule = config.getOptionalConfig(
          'dataMesh.accessRequests.schedule',
        );
        await scheduler.scheduleTask({
          id: 'data-mesh-access-expiry',
          scope: 'global',
          ...(accessSchedule
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                accessSchedule,
              )
            : {
                frequency: { seconds: 30 },
                timeout: { minutes: 5 },
                initialDelay: { seconds: 15 },
              }),
          fn: async () => {
            await access.runDue();
          },
        });

        const ctx: RouterContext = {
          logger,
          auth: deps.auth,
          httpAuth: deps.httpAuth,
          permissions: deps.permissions,
          userInfo: deps.userInfo,
          products,
          observations,
          lineageEvents,
          lineage,
          evaluator,
          recorder,
          servers,
          verdicts,
          gate,
          productIndex,
          pushSubjects: PushSubjects.fromConfig(config),
          access,
          accessStore,
          versions,
          consumers,
          evaluations: new EvaluationLimiter({
            concurrent:
              config.getOptionalNumber(
                'dataMesh.limits.evaluationsRunningPerUser',
              ) ?? DEFAULT_EVALUATION_LIMITS.concurrent,
            perMinute:
              config.getOptionalNumber(
                'dataMesh.limits.evaluationsPerMinutePerUser',
              ) ?? DEFAULT_EVALUATION_LIMITS.perMinute,
          }),
          limits: {
            bodyBytes:
              config.getOptionalNumber('dataMesh.limits.bodyBytes') ??
              DEFAULT_REQUEST_LIMITS.bodyBytes,
            openLineageDatasets:
              config.getOptionalNumber('dataMesh.limits.openLineageDatasets') ??
              DEFAULT_REQUEST_LIMITS.openLineageDatasets,
            openLineageEdges:
              config.getOptionalNumber('dataMesh.limits.openLineageEdges') ??
              DEFAULT_REQUEST_LIMITS.openLineageEdges,
          },
        };
        httpRouter.use(createRouter(ctx));
        // The same answers for agents, through the actions registry (MCP).
        registerActions(deps.actionsRegistry, ctx);
        // Pipelines may send their token as x-api-key (datacontract-cli does); those routes
        // check credentials themselves and refuse requests without a Backstage token.
        httpRouter.addAuthPolicy({
          path: '/results',
          allow: 'unauthenticated',
        });
        httpRouter.addAuthPolicy({
          path: '/openlineage',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
