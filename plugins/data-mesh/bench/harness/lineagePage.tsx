/* Runs in the browser: the lineage view, and Backstage's DependencyGraph as the baseline. */
import type { LineageResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { LineageView } from '../../src/components/LineageGraph';
import { toScene } from '../../src/components/LineageGraph/scene/toScene';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
} from '../../src/components/LineageGraph/scene/types';
import { fitViewport } from '../../src/components/LineageGraph/scene/viewport';
import { fakeDataMeshApi } from '../../src/__testUtils__/fakeDataMeshApi';
import { startApp, timeMount, timeResponse } from './benchApp';

interface LineageRun {
  variant: 'canvas' | 'dependency-graph';
  lineage: LineageResponse;
}

function wheel(target: Element) {
  const rect = target.getBoundingClientRect();
  target.dispatchEvent(
    new WheelEvent('wheel', {
      deltaY: -240,
      clientX: rect.left + rect.width / 2,
      clientY: rect.top + rect.height / 2,
      bubbles: true,
      cancelable: true,
    }),
  );
}

/** True when some pixel of the canvas differs from the top-left one (something is drawn). */
function drawn(canvas: HTMLCanvasElement): boolean {
  const ctx = canvas.getContext('2d')!;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 4; i < data.length; i += 4 * 97) {
    if (
      data[i] !== data[0] ||
      data[i + 1] !== data[1] ||
      data[i + 2] !== data[2]
    )
      return true;
  }
  return false;
}

async function runCanvas(lineage: LineageResponse) {
  const opened: string[] = [];
  const count = String(lineage.nodes.length);
  const ms = await timeMount(
    <LineageView
      lineage={lineage}
      options={{
        depth: lineage.depth,
        direction: lineage.direction,
        columns: false,
      }}
      onOpen={node => opened.push(node.id)}
    />,
    () => {
      // Ready once the canvas shows this graph: the counting attribute is set and pixels
      // are drawn (reading them back is part of the measured time).
      const canvas = document.querySelector('canvas');
      return canvas?.getAttribute('data-node-count') === count && drawn(canvas);
    },
  );
  const canvas = document.querySelector('canvas')!;
  const isDrawn = drawn(canvas);
  const zoomMs = await timeResponse(() => wheel(canvas));
  // Click the root where the fitted view shows it (fit again first: the wheel zoomed).
  canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
  const scene = toScene(lineage);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of scene.nodes) {
    minX = Math.min(minX, n.x - NODE_WIDTH / 2);
    maxX = Math.max(maxX, n.x + NODE_WIDTH / 2);
    minY = Math.min(minY, n.y - NODE_HEIGHT / 2);
    maxY = Math.max(maxY, n.y + NODE_HEIGHT / 2);
  }
  const rect = canvas.getBoundingClientRect();
  const view = fitViewport({ minX, minY, maxX, maxY }, rect.width, rect.height);
  const root = scene.nodes.find(n => n.isRoot)!;
  const at = {
    clientX: rect.left + root.x * view.scale + view.tx,
    clientY: rect.top + root.y * view.scale + view.ty,
    button: 0,
    bubbles: true,
  };
  const clickMs = await timeResponse(() => {
    canvas.dispatchEvent(new PointerEvent('pointerdown', at));
    canvas.dispatchEvent(new PointerEvent('pointerup', at));
  });
  return {
    ms,
    zoomMs,
    clickMs,
    drawn: isDrawn,
    clickOpened: opened[0] === lineage.root,
  };
}

async function runDependencyGraph(lineage: LineageResponse) {
  const count = lineage.nodes.length;
  const ms = await timeMount(
    <div style={{ height: 520 }}>
      <DependencyGraph
        nodes={lineage.nodes.map(n => ({ id: n.entityRef }))}
        edges={lineage.edges.map(e => ({ from: e.from, to: e.to }))}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        fit="contain"
      />
    </div>,
    () => {
      const svg = document.querySelector('svg#dependency-graph');
      const container = svg?.parentElement;
      return (
        !!container &&
        container.style.visibility === 'visible' &&
        svg!.querySelectorAll('[data-testid="node"]').length === count
      );
    },
  );
  const svg = document.querySelector('svg#dependency-graph')!;
  const zoomMs = await timeResponse(() => wheel(svg));
  return { ms, zoomMs, drawn: true };
}

(window as any).__bench = {
  async run({ variant, lineage }: LineageRun) {
    await startApp(fakeDataMeshApi({}));
    return variant === 'canvas'
      ? runCanvas(lineage)
      : runDependencyGraph(lineage);
  },
};
