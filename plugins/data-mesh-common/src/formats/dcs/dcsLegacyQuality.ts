import type {
  OdcsCustomProperty,
  OdcsQualityRule,
  OdcsSchemaObject,
} from '../../odcs/model';
import type { Converted } from '../types';
import { isRecord, ownEntry } from '../../parsedValues';

/** DCS 0.9 quality `type` → the ODCS custom-rule `engine`. */
const ENGINES: Readonly<Record<string, string>> = {
  sodacl: 'soda',
  'great-expectations': 'great-expectations',
  great_expectations: 'great-expectations',
  montecarlo: 'monte-carlo',
};

/** The model a key of a 0.9 quality specification checks: `checks for orders` → `orders`. */
function checkedModel(
  key: string,
  models: ReadonlySet<string>,
): string | undefined {
  const soda = /^checks for (.+)$/.exec(key);
  const name = soda ? soda[1].trim() : key;
  return models.has(name) ? name : undefined;
}

function customRule(
  engine: string,
  implementation: unknown,
  dcsType: string,
): Converted<OdcsQualityRule> {
  const rule: Converted<OdcsQualityRule> = {
    type: 'custom',
    engine,
    implementation,
  };
  if (dcsType !== engine)
    rule.customProperties = [{ property: 'type', value: dcsType }];
  return rule;
}

/**
 * Moves the DCS 0.9 top-level `quality` block (`type: SodaCL | great-expectations |
 * montecarlo`, `specification`) onto the schema objects it checks, as ODCS `custom` quality
 * rules: a specification mapping is split by model (`checks for <model>` for SodaCL, the
 * model name otherwise); a text specification goes to the only model when there is one.
 * Whatever cannot be placed on a model is returned to be kept on the contract as the
 * custom property `quality`.
 */
export function splitDcsLegacyQuality(
  quality: unknown,
  schema: Converted<OdcsSchemaObject>[],
): OdcsCustomProperty[] {
  if (quality === undefined) return [];
  if (!isRecord(quality) || typeof quality.type !== 'string') {
    return [{ property: 'quality', value: quality }];
  }
  const engine = ownEntry(ENGINES, quality.type.toLowerCase()) ?? quality.type;
  const byName = new Map(schema.map(object => [object.name as string, object]));
  const add = (model: string, implementation: unknown) => {
    const object = byName.get(model)!;
    object.quality = [
      ...((object.quality as unknown[]) ?? []),
      customRule(engine, implementation, quality.type as string),
    ];
  };
  const { type, specification, ...rest } = quality;
  const leftover: Record<string, unknown> = {};
  if (isRecord(specification)) {
    const models = new Set(byName.keys());
    for (const [key, checks] of Object.entries(specification)) {
      const model = checkedModel(key, models);
      if (model) add(model, { [key]: checks });
      else leftover[key] = checks;
    }
  } else if (typeof specification === 'string' && byName.size === 1) {
    add([...byName.keys()][0], specification);
  } else if (specification !== undefined) {
    return [{ property: 'quality', value: quality }];
  }
  const rests = Object.keys(rest).length > 0;
  if (Object.keys(leftover).length === 0 && !rests) return [];
  return [
    {
      property: 'quality',
      value: {
        type,
        ...(Object.keys(leftover).length > 0
          ? { specification: leftover }
          : {}),
        ...rest,
      },
    },
  ];
}
