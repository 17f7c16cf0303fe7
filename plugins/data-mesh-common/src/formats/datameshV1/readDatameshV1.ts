import type {
  OdcsContract,
  OdcsCustomProperty,
  OdcsSchemaObject,
  OdcsSlaProperty,
} from '../../odcs/model';
import { contactChannel } from '../contactChannel';
import { convertContractHead } from '../contractHead';
import { ConversionTrace } from '../conversionTrace';
import { keepUnmapped } from '../keptFields';
import { convertOutputPorts } from '../outputPorts';
import { INPUT_PORTS_PROPERTY } from '../ports';
import { sourceFormatProperties } from '../provenance';
import { toOdcsSlaValue } from '../slaValue';
import type { ContractConversion, Converted } from '../types';
import { isRecord, scalarText } from '../../parsedValues';

function convertSlo(
  slo: Record<string, unknown>,
  trace: ConversionTrace,
  kept: OdcsCustomProperty[],
): Converted<OdcsSlaProperty>[] {
  const sla: Converted<OdcsSlaProperty>[] = [];
  for (const [property, raw] of Object.entries(slo)) {
    if (isRecord(raw) || Array.isArray(raw)) {
      kept.push({ property: `spec.slo.${property}`, value: raw });
      continue;
    }
    trace.link(['slaProperties', sla.length], ['spec', 'slo', property]);
    const { value, unit } = toOdcsSlaValue(raw);
    sla.push(
      unit === undefined ? { property, value } : { property, value, unit },
    );
  }
  return sla;
}

function convertSchema(
  spec: Record<string, unknown>,
  name: string,
  trace: ConversionTrace,
  kept: OdcsCustomProperty[],
): Converted<OdcsSchemaObject> {
  const object: Converted<OdcsSchemaObject> = { name, logicalType: 'object' };
  trace.link(['schema', 0], ['spec', 'schema']);
  const schema = spec.schema;
  const custom: OdcsCustomProperty[] = [];
  if (isRecord(schema)) {
    if (schema.type !== undefined)
      custom.push({ property: 'schemaType', value: schema.type });
    if (schema.ref !== undefined)
      custom.push({ property: 'schemaRef', value: schema.ref });
    custom.push(...keepUnmapped(schema, ['type', 'ref']));
  } else if (schema !== undefined) {
    kept.push({ property: 'spec.schema', value: schema });
  }
  const classification = spec.classification;
  const pii = isRecord(classification) ? classification.pii : undefined;
  if (Array.isArray(pii)) {
    object.properties = pii.map((column, index) => {
      trace.link(
        ['schema', 0, 'properties', index],
        ['spec', 'classification', 'pii', index],
      );
      return {
        name: String(column),
        customProperties: [{ property: 'pii', value: true }],
      };
    });
  }
  if (custom.length > 0) object.customProperties = custom;
  return object;
}

/**
 * Converts a `datamesh/v1` DataContract to the ODCS v3.1 model, keeping every field:
 *
 * - `metadata.name` → `id` and `name`; `metadata.domain` → `domain`; `metadata.owner` →
 *   `team.name`, and when it is an e-mail address (or URL) also a support channel
 *   (`mailto:`), the owner's contact; `metadata.version` → `version`; `status` is `active`
 *   (ODCS needs one).
 * - `spec.schema` → one schema object named after the contract, its `type` and `ref` kept as
 *   the custom properties `schemaType` and `schemaRef` (the columns live in that file).
 * - `spec.classification.pii` → a property per listed column, marked with the custom
 *   property `pii: true` (the suite's PII marker); `spec.classification.retention` → the SLA
 *   property `retention`.
 * - `spec.slo` → one SLA property per entry (`freshness`, `completeness`, `accuracy`,
 *   `availability`), the value read into `value` + `unit` (`< 1 hour` → 1 `h`).
 * - `spec.ports.input` → the contract custom property `inputPorts` (lineage: what the data is
 *   read from); `spec.ports.output` → `custom` servers (see {@link convertOutputPorts}).
 * - Keys with no ODCS place → custom properties named by their path (`metadata.labels`).
 * @public
 */
export function readDatameshV1(value: unknown): ContractConversion {
  const trace = new ConversionTrace();
  const source = isRecord(value) ? value : {};
  const metadata = isRecord(source.metadata) ? source.metadata : {};
  const spec = isRecord(source.spec) ? source.spec : {};
  const kept: OdcsCustomProperty[] = [];
  const contract = convertContractHead(metadata, ['metadata'], trace);
  const name = contract.name;
  if (metadata.owner !== undefined) {
    contract.team = { name: scalarText(metadata.owner) ?? metadata.owner };
    trace.link(['team'], ['metadata', 'owner']);
    const channel = contactChannel(metadata.owner);
    if (channel) {
      contract.support = [channel];
      trace.link(['support', 0], ['metadata', 'owner']);
    }
  }
  kept.push(
    ...keepUnmapped(
      metadata,
      ['name', 'domain', 'owner', 'version'],
      'metadata',
    ),
  );

  contract.schema = [convertSchema(spec, name, trace, kept)];

  const sla = isRecord(spec.slo) ? convertSlo(spec.slo, trace, kept) : [];
  if (spec.slo !== undefined && !isRecord(spec.slo))
    kept.push({ property: 'spec.slo', value: spec.slo });
  const classification = isRecord(spec.classification)
    ? spec.classification
    : undefined;
  if (classification) {
    if (classification.retention !== undefined) {
      trace.link(
        ['slaProperties', sla.length],
        ['spec', 'classification', 'retention'],
      );
      const { value: retention, unit } = toOdcsSlaValue(
        classification.retention,
      );
      sla.push(
        unit === undefined
          ? { property: 'retention', value: retention }
          : { property: 'retention', value: retention, unit },
      );
    }
    const used = [
      'retention',
      ...(Array.isArray(classification.pii) ? ['pii'] : []),
    ];
    kept.push(...keepUnmapped(classification, used, 'spec.classification'));
  } else if (spec.classification !== undefined) {
    kept.push({ property: 'spec.classification', value: spec.classification });
  }
  if (sla.length > 0) contract.slaProperties = sla;

  const ports = isRecord(spec.ports) ? spec.ports : undefined;
  if (ports) {
    if (Array.isArray(ports.output)) {
      contract.servers = convertOutputPorts(
        ports.output,
        ['spec', 'ports', 'output'],
        0,
        trace,
      );
    }
    if (ports.input !== undefined)
      kept.unshift({ property: INPUT_PORTS_PROPERTY, value: ports.input });
    const used = ['input', ...(Array.isArray(ports.output) ? ['output'] : [])];
    kept.push(...keepUnmapped(ports, used, 'spec.ports'));
  } else if (spec.ports !== undefined) {
    kept.push({ property: 'spec.ports', value: spec.ports });
  }
  kept.push(
    ...keepUnmapped(spec, ['schema', 'slo', 'classification', 'ports'], 'spec'),
  );
  kept.push(
    ...keepUnmapped(source, ['apiVersion', 'kind', 'metadata', 'spec']),
  );
  if (source.metadata !== undefined && !isRecord(source.metadata))
    kept.push({ property: 'metadata', value: source.metadata });
  if (source.spec !== undefined && !isRecord(source.spec))
    kept.push({ property: 'spec', value: source.spec });

  contract.customProperties = [
    ...sourceFormatProperties('datamesh-v1', scalarText(source.apiVersion)),
    ...kept,
  ];
  return {
    contract: contract as OdcsContract,
    issues: trace.issues,
    origins: trace.origins,
  };
}
