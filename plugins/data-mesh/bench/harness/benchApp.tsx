/*
 * Runs in the browser: mounts a component inside a Backstage test app (the same app the
 * component tests use: themes, translations, routing, APIs) and times it from the mount
 * to the frame where `isReady()` first holds and the main thread is free again.
 */
import { ConfigReader } from '@backstage/config';
import { prepareSpecializedApp } from '@backstage/frontend-app-api';
import {
  ApiBlueprint,
  coreExtensionData,
  createExtension,
  createFrontendModule,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import appPlugin from '@backstage/plugin-app';
import { RouterBlueprint } from '@backstage/plugin-app-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Fragment, ReactElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { dataMeshApiRef, DataMeshApi } from '../../src/api';

let show: ((element: ReactElement) => void) | undefined;

function Gate() {
  const [element, setElement] = useState<ReactElement | null>(null);
  useEffect(() => {
    show = setElement;
    return () => {
      show = undefined;
    };
  }, []);
  return <div style={{ width: 1400 }}>{element}</div>;
}

const frame = () =>
  new Promise<void>(resolve => requestAnimationFrame(() => resolve()));
const idle = () =>
  new Promise<void>(resolve => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/**
 * Starts a Backstage app (the app plugin without sign-in, layout and navigation, as the
 * frontend test utilities build it) with the given data-mesh API, rendered with React's
 * production build, and waits until it can mount things.
 */
export async function startApp(api: DataMeshApi) {
  const app = prepareSpecializedApp({
    features: [
      createFrontendModule({
        pluginId: 'app',
        extensions: [
          RouterBlueprint.make({
            params: {
              component: ({ children }) => (
                <MemoryRouter>{children}</MemoryRouter>
              ),
            },
          }),
        ],
      }),
      createFrontendPlugin({
        pluginId: 'data-mesh',
        extensions: [
          ApiBlueprint.make({
            params: defineParams =>
              defineParams({
                api: dataMeshApiRef,
                deps: {},
                factory: () => api,
              }),
          }),
          createExtension({
            name: 'bench',
            attachTo: { id: 'app/root', input: 'children' },
            output: [coreExtensionData.reactElement],
            factory: () => [coreExtensionData.reactElement(<Gate />)],
          }),
          createExtension({
            kind: 'bench-route',
            name: 'entity',
            attachTo: { id: 'app/root', input: 'elements' },
            output: [
              coreExtensionData.reactElement,
              coreExtensionData.routePath,
              coreExtensionData.routeRef,
            ],
            factory: () => [
              coreExtensionData.reactElement(<Fragment />),
              coreExtensionData.routePath('/catalog/:namespace/:kind/:name'),
              coreExtensionData.routeRef(entityRouteRef as any),
            ],
          }),
        ],
      }),
      appPlugin.withOverrides({
        extensions: [
          'sign-in-page:app',
          'app/layout',
          'app/routes',
          'app/nav',
        ].map(id =>
          appPlugin.getExtension(id as any).override({ disabled: true }),
        ),
      }),
    ],
    config: ConfigReader.fromConfigs([
      {
        context: 'bench',
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
        },
      },
    ]),
  }).finalize();
  const root = app.tree.root.instance!.getData(coreExtensionData.reactElement);
  createRoot(document.getElementById('root')!).render(root);
  const deadline = performance.now() + 30_000;
  while (!show) {
    if (performance.now() > deadline) throw new Error('the app did not start');
    await new Promise(r => setTimeout(r, 10));
  }
  await frame();
  await idle();
}

/**
 * Mounts `element` and resolves with the milliseconds until `isReady()` holds in a frame
 * and the main thread has no work left (the page then answers input at once).
 */
export async function timeMount(
  element: ReactElement,
  isReady: () => boolean,
  timeoutMs = 600_000,
): Promise<number> {
  performance.mark('bench-mount');
  const start = performance.now();
  show!(element);
  for (;;) {
    await frame();
    if (isReady()) break;
    if (performance.now() - start > timeoutMs) {
      throw new Error(`not ready after ${timeoutMs} ms`);
    }
  }
  await frame();
  await idle();
  performance.mark('bench-ready');
  return performance.now() - start;
}

/** The time from dispatching an event until the next two frames have been drawn. */
export async function timeResponse(dispatch: () => void): Promise<number> {
  const start = performance.now();
  dispatch();
  await frame();
  await frame();
  return performance.now() - start;
}
