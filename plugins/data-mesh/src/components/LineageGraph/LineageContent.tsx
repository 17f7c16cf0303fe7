import type { LineageResponse } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef } from '../../api';
import { useDataProductRef } from '../common';
import { ColumnLineageDiagram } from './ColumnLineageDiagram';
import { ColumnLineageTable } from './ColumnLineageTable';
import { LineageCanvas } from './LineageCanvas';
import {
  LINEAGE_DEPTHS,
  LineageControls,
  LineageOptions,
} from './LineageControls';
import { LineageNodesTable } from './LineageNodesTable';
import type { GraphScene } from './scene/GraphScene';
import { toScene } from './scene/toScene';
import type { SceneNode } from './scene/types';

/**
 * A lineage graph with its controls, legend and the table of its products. Separate from
 * the tab so that it can be shown for any answer of the lineage API.
 */
export function LineageView(props: {
  lineage: LineageResponse;
  options: LineageOptions;
  onOpen(node: SceneNode): void;
}) {
  const { lineage, options, onOpen } = props;
  const scene = useMemo(() => toScene(lineage), [lineage]);
  const [graph, setGraph] = useState<GraphScene>();
  const upstream = [...scene.layers.values()].filter(l => l < 0).length;
  const downstream = [...scene.layers.values()].filter(l => l > 0).length;
  return (
    <>
      <Box display="flex" gap={1} alignItems="center" flexWrap="wrap" mb={1}>
        <Typography variant="body2" role="status" sx={{ flexGrow: 1 }}>
          {upstream} upstream and {downstream} downstream product
          {downstream === 1 ? '' : 's'} within {options.depth} hop
          {options.depth === 1 ? '' : 's'}.
          {lineage.truncated &&
            ' More lie further away: increase the depth to see them.'}
        </Typography>
        <Button
          size="small"
          onClick={() => graph?.zoom(1.25)}
          aria-label="Zoom in"
        >
          +
        </Button>
        <Button
          size="small"
          onClick={() => graph?.zoom(0.8)}
          aria-label="Zoom out"
        >
          −
        </Button>
        <Button size="small" onClick={() => graph?.fit()}>
          Fit
        </Button>
      </Box>
      <LineageCanvas
        nodes={scene.nodes}
        edges={scene.edges}
        onOpen={onOpen}
        onScene={setGraph}
      />
      <Typography
        variant="caption"
        color="text.secondary"
        display="block"
        mt={1}
      >
        Upstream on the left, downstream on the right. Border colour: SLO health
        (green healthy, dark orange at risk, red breached, orange check error,
        grey not measured); a dashed red outer border: a governance policy
        blocks the product. Dashed edges are seen in OpenLineage events only.
        Click a product to open it.
      </Typography>
      <Box mt={2}>
        <LineageNodesTable nodes={lineage.nodes} layers={scene.layers} />
      </Box>
      {options.columns && (
        <Box mt={2}>
          <Typography variant="h6" component="h3" gutterBottom>
            Column lineage
          </Typography>
          <ColumnLineageDiagram lineage={lineage} />
          <ColumnLineageTable lineage={lineage} />
        </Box>
      )}
    </>
  );
}

/** Reads the lineage view's settings from the URL (`depth`, `direction`, `columns`). */
export function parseLineageOptions(params: URLSearchParams): LineageOptions {
  const depth = Number(params.get('depth'));
  const direction = params.get('direction');
  return {
    depth: LINEAGE_DEPTHS.includes(depth) ? depth : 1,
    direction: direction === 'up' || direction === 'down' ? direction : 'both',
    columns: params.get('columns') === 'true',
  };
}

/** The lineage view's settings, kept in the URL so that a view can be shared. */
function useLineageOptions(): [LineageOptions, (o: LineageOptions) => void] {
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => parseLineageOptions(params), [params]);
  const setOptions = useCallback(
    (next: LineageOptions) => {
      const out = new URLSearchParams(params);
      const set = (key: string, value: string | undefined) =>
        value === undefined ? out.delete(key) : out.set(key, value);
      set('depth', next.depth === 1 ? undefined : String(next.depth));
      set('direction', next.direction === 'both' ? undefined : next.direction);
      set('columns', next.columns ? 'true' : undefined);
      setParams(out, { replace: true });
    },
    [params, setParams],
  );
  return [options, setOptions];
}

/**
 * The Lineage tab of a data product: the products upstream and downstream of it as a
 * graph (one hop by default; deeper, one direction, or with column lineage on demand),
 * its settings kept in the URL.
 */
export function LineageContent() {
  const product = useDataProductRef();
  const api = useApi(dataMeshApiRef);
  const navigate = useNavigate();
  const entityLink = useEntityRefLink();
  const [options, setOptions] = useLineageOptions();
  const state = useAsync(
    () => api.getLineage({ entityRef: product.entityRef, ...options }),
    [api, product.entityRef, options],
  );
  const [shown, setShown] = useState<LineageResponse>();
  useEffect(() => {
    if (state.value) setShown(state.value);
  }, [state.value]);
  const external = useMemo(
    () =>
      new Set(
        (shown?.nodes ?? [])
          .filter(n => n.external || n.hidden)
          .map(n => n.entityRef),
      ),
    [shown],
  );
  const onOpen = useCallback(
    (node: SceneNode) => {
      if (!external.has(node.id) && node.id !== shown?.root)
        navigate(entityLink(node.id));
    },
    [external, navigate, entityLink, shown?.root],
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Lineage"
          action={<LineageControls options={options} onChange={setOptions} />}
        >
          {state.loading && shown && (
            <LinearProgress aria-label="Loading lineage" />
          )}
          {state.error && (
            <ResponseErrorPanel
              title="Could not load the lineage"
              error={state.error}
            />
          )}
          {!state.error && !shown && <Progress />}
          {!state.error && shown && shown.nodes.length <= 1 && (
            <EmptyState
              missing="data"
              title="No lineage"
              description="No data product feeds this one or reads from it in this direction. Declare input ports in the product's catalog-info.yaml, or send OpenLineage events, to see its lineage."
            />
          )}
          {!state.error && shown && shown.nodes.length > 1 && (
            <LineageView lineage={shown} options={options} onOpen={onOpen} />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
