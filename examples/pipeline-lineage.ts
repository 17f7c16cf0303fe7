/*
 * The OpenLineage events the example products' pipelines would send: one RunEvent per
 * pipeline of pipelines.yaml, reading the files of the products it is computed from and
 * writing its own product's file, with the columnLineage facet saying which column feeds
 * which. The datasets are the files the stand-in pipelines write (generate-data.ts), named as
 * OpenLineage names files (namespace `file`, the absolute path), so the portal matches them
 * to the products whose `local` server holds them.
 *
 * The events of one day are the same bytes (run id and time are those of the day), so
 * sending them again the same day stores nothing new.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { exampleContracts, localFile } from './generate-data';

/** What produced the events: the example portal's stand-in pipelines. */
export const EXAMPLE_PRODUCER = 'urn:example-mesh:stand-in-pipelines';

interface PipelineSpec {
  product: string;
  job: string;
  columns: Record<string, string[]>;
}

/** A UUID-shaped id from text, the same for the same text. */
function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
    13,
    16,
  )}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The example pipelines, as pipelines.yaml describes them. */
export function examplePipelines(examples: string): PipelineSpec[] {
  const text = fs.readFileSync(path.join(examples, 'pipelines.yaml'), 'utf8');
  return (parse(text)?.pipelines ?? []) as PipelineSpec[];
}

/**
 * One OpenLineage RunEvent (COMPLETE) per example pipeline, as of the day of `now`, for
 * data written under `out`. A column whose product has no `local` server is left out.
 */
export function exampleLineageEvents(options: {
  examples: string;
  out: string;
  now: number;
}): Array<Record<string, unknown>> {
  const files = new Map<string, string>();
  for (const { name, contract } of exampleContracts(options.examples)) {
    const file = localFile(contract, options.out);
    if (file) files.set(name, file);
  }
  const day = new Date(options.now).toISOString().slice(0, 10);
  const dataset = (file: string) => ({ namespace: 'file', name: file });
  const events: Array<Record<string, unknown>> = [];
  for (const pipeline of examplePipelines(options.examples)) {
    const output = files.get(pipeline.product);
    if (!output) continue;
    const inputs = new Set<string>();
    const fields: Record<string, unknown> = {};
    for (const [column, sources] of Object.entries(pipeline.columns ?? {})) {
      const inputFields = sources.flatMap(source => {
        const [product, field] = source.split('/');
        const file = files.get(product);
        if (!file || !field) return [];
        inputs.add(file);
        return [{ ...dataset(file), field }];
      });
      if (inputFields.length > 0) fields[column] = { inputFields };
    }
    events.push({
      eventType: 'COMPLETE',
      eventTime: `${day}T00:00:00.000Z`,
      producer: EXAMPLE_PRODUCER,
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: stableUuid(`${pipeline.job}@${day}`) },
      job: { namespace: 'example-pipelines', name: pipeline.job },
      inputs: [...inputs].sort().map(dataset),
      outputs: [
        {
          ...dataset(output),
          facets: {
            columnLineage: {
              _producer: EXAMPLE_PRODUCER,
              _schemaURL:
                'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet',
              fields,
            },
          },
        },
      ],
    });
  }
  return events;
}
