import { GraphScene } from './GraphScene';
import type { SceneNode, ScenePalette } from './types';

const palette: ScenePalette = {
  background: '#fff',
  nodeFill: '#fff',
  text: '#000',
  secondaryText: '#666',
  edge: '#999',
  edgeHighlight: '#00f',
  root: '#f0f',
  blocked: '#f00',
  health: {
    healthy: 'green',
    'at-risk': 'darkorange',
    breached: 'red',
    error: 'orange',
    unknown: 'grey',
  },
};

const node = (id: string, x: number, y: number): SceneNode => ({
  id,
  x,
  y,
  title: id,
  subtitle: 'owner',
  health: 'healthy',
  isRoot: id === 'root',
});

function pointer(
  canvas: HTMLCanvasElement,
  type: string,
  x: number,
  y: number,
) {
  canvas.dispatchEvent(
    new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true }),
  );
}

function setup() {
  const canvas = document.createElement('canvas');
  canvas.getBoundingClientRect = () =>
    ({
      left: 0,
      top: 0,
      width: 800,
      height: 400,
      right: 800,
      bottom: 400,
      x: 0,
      y: 0,
    } as DOMRect);
  document.body.appendChild(canvas);
  const clicked: string[] = [];
  const hovered: Array<string | undefined> = [];
  const scene = new GraphScene(canvas, palette, {
    onNodeClick: n => clicked.push(n.id),
    onNodeHover: n => hovered.push(n?.id),
  });
  scene.setGraph(
    [node('root', 0, 0), node('down', 280, 0)],
    [
      {
        from: 0,
        to: 1,
        observed: false,
        points: [
          { x: 100, y: 0 },
          { x: 180, y: 0 },
        ],
        box: { minX: 100, minY: 0, maxX: 180, maxY: 0 },
      },
    ],
  );
  const screenOf = (x: number, y: number) => ({
    x: x * scene.view.scale + scene.view.tx,
    y: y * scene.view.scale + scene.view.ty,
  });
  return { canvas, scene, clicked, hovered, screenOf };
}

describe('GraphScene', () => {
  it('fits the graph into the canvas', () => {
    const { screenOf } = setup();
    const left = screenOf(-100, 0);
    const right = screenOf(380, 0);
    expect(left.x).toBeGreaterThanOrEqual(0);
    expect(right.x).toBeLessThanOrEqual(800);
    expect((left.x + right.x) / 2).toBeCloseTo(400);
  });

  it('reports a click on a node, and not a drag', () => {
    const { canvas, clicked, screenOf } = setup();
    const at = screenOf(280, 0);
    pointer(canvas, 'pointerdown', at.x, at.y);
    pointer(canvas, 'pointerup', at.x + 1, at.y);
    expect(clicked).toEqual(['down']);

    pointer(canvas, 'pointerdown', at.x, at.y);
    pointer(canvas, 'pointermove', at.x + 40, at.y);
    pointer(canvas, 'pointerup', at.x + 40, at.y);
    expect(clicked).toEqual(['down']);
  });

  it('ignores clicks between nodes', () => {
    const { canvas, clicked, screenOf } = setup();
    const at = screenOf(140, 0);
    pointer(canvas, 'pointerdown', at.x, at.y);
    pointer(canvas, 'pointerup', at.x, at.y);
    expect(clicked).toEqual([]);
  });

  it('pans with a drag and with the arrow keys, zooms with the wheel and keys, fits with 0', () => {
    const { canvas, scene } = setup();
    const start = scene.view;
    pointer(canvas, 'pointerdown', 10, 10);
    pointer(canvas, 'pointermove', 60, 30);
    pointer(canvas, 'pointerup', 60, 30);
    expect(scene.view.tx - start.tx).toBeCloseTo(50);
    expect(scene.view.ty - start.ty).toBeCloseTo(20);

    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    expect(scene.view.tx - start.tx).toBeCloseTo(130);

    canvas.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -200,
        clientX: 400,
        clientY: 200,
        cancelable: true,
      }),
    );
    expect(scene.view.scale).toBeGreaterThan(start.scale);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '-' }));
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
    expect(scene.view).toEqual(start);
  });

  it('reports hovering a node and leaving it, and opens the hovered node with Enter', () => {
    const { canvas, clicked, hovered, screenOf } = setup();
    const at = screenOf(0, 0);
    pointer(canvas, 'pointermove', at.x, at.y);
    pointer(canvas, 'pointermove', at.x, at.y + 300);
    expect(hovered).toEqual(['root', undefined]);
    pointer(canvas, 'pointermove', at.x, at.y);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(clicked).toEqual(['root']);
  });
});
