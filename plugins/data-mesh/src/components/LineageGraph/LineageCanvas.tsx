import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Theme, useTheme } from '@mui/material/styles';
import { useEffect, useRef, useState } from 'react';
import { GraphScene } from './scene/GraphScene';
import type { SceneEdge, SceneNode, ScenePalette } from './scene/types';

/** The canvas colours for the current theme (light or dark). */
export function paletteFor(theme: Theme): ScenePalette {
  return {
    background: theme.palette.background.default,
    nodeFill: theme.palette.background.paper,
    text: theme.palette.text.primary,
    secondaryText: theme.palette.text.secondary,
    edge: theme.palette.mode === 'dark' ? '#777777' : '#9e9e9e',
    edgeHighlight: theme.palette.primary.main,
    root: theme.palette.secondary.main,
    blocked: theme.palette.error.main,
    health: {
      healthy: theme.palette.success.main,
      'at-risk': theme.palette.warning.dark,
      breached: theme.palette.error.main,
      error: theme.palette.warning.main,
      unknown: theme.palette.grey[500],
    },
  };
}

/**
 * The lineage graph on a canvas: drag to pan, wheel or `+`/`-` to zoom, `0` to fit, click a
 * node to open it. Hovering a node shows its name, owner and SLO health.
 */
export function LineageCanvas(props: {
  nodes: SceneNode[];
  edges: SceneEdge[];
  onOpen(node: SceneNode): void;
  height?: number;
  /** Called with the scene once it is created (the fit and zoom buttons use it). */
  onScene?(scene: GraphScene | undefined): void;
}) {
  const { nodes, edges, onOpen, height = 520, onScene } = props;
  const theme = useTheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<GraphScene>();
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const [hover, setHover] = useState<{
    node: SceneNode;
    x: number;
    y: number;
  }>();

  useEffect(() => {
    const canvas = canvasRef.current!;
    const scene = new GraphScene(canvas, paletteFor(theme), {
      onNodeClick: node => openRef.current(node),
      onNodeHover: (node, at) =>
        setHover(node && at ? { node, ...at } : undefined),
    });
    sceneRef.current = scene;
    onScene?.(scene);
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => scene.resize());
    observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      scene.destroy();
      sceneRef.current = undefined;
      onScene?.(undefined);
    };
    // The scene lives as long as the canvas; graph and palette changes are pushed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    sceneRef.current?.setGraph(nodes, edges);
  }, [nodes, edges]);

  useEffect(() => {
    sceneRef.current?.setPalette(paletteFor(theme));
  }, [theme]);

  return (
    <Box position="relative" height={height}>
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-label={`Lineage graph of ${nodes.length} data products. Drag or use the arrow keys to pan, the wheel or + and - to zoom, 0 to fit.`}
        data-node-count={nodes.length}
        style={{
          width: '100%',
          height: '100%',
          display: 'block',
          cursor: 'grab',
          outlineOffset: -2,
        }}
      />
      {hover && (
        <Paper
          role="tooltip"
          elevation={4}
          sx={{
            position: 'absolute',
            left: Math.min(hover.x + 12, 10000),
            top: hover.y + 12,
            p: 1,
            pointerEvents: 'none',
            maxWidth: 320,
          }}
        >
          <Typography variant="subtitle2">{hover.node.title}</Typography>
          <Typography variant="caption" display="block" color="text.secondary">
            {hover.node.subtitle}
          </Typography>
          <Typography variant="caption" display="block">
            SLO health: {hover.node.health}
          </Typography>
        </Paper>
      )}
    </Box>
  );
}
