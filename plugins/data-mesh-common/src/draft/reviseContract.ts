import type {
  OdcsContract,
  OdcsCustomProperty,
  OdcsSchemaObject,
} from '../odcs/model';
import { parseVersion } from '../diff/semver';
import { serializeOdcs } from '../odcs/serialize';
import { readContract } from '../read';
import { numberPrimaryKey, propertyOf } from './fields';
import { text } from './names';
import type { DataProductDraftInput } from './types';

/**
 * The changes of a new contract version, as the template's form asks for them.
 * @public
 */
export interface ContractRevision {
  /** The new version. */
  version: string;
  /** Fields to add to the schema object. */
  addFields?: DataProductDraftInput['fields'];
  /** Names of fields to remove from the schema object. */
  removeFields?: string[];
  /** The schema object changed; the contract's first object by default. */
  objectName?: string;
  /** The date (YYYY-MM-DD) consumers were told about a breaking change. */
  deprecationNotice?: string;
  /** Where the migration guide for a breaking change is. */
  migrationGuide?: string;
}

/**
 * What {@link reviseContract} did, and what it could not do.
 * @public
 */
export interface RevisedContract {
  contract: OdcsContract;
  /** One sentence per change applied. */
  applied: string[];
  /** One sentence per change that could not be applied, saying why and what to do. */
  problems: string[];
}

function setCustomProperty(
  list: OdcsCustomProperty[],
  property: string,
  value: string,
) {
  const existing = list.find(p => p.property === property);
  if (existing) existing.value = value;
  else list.push({ property, value });
}

/**
 * A new version of a contract: the old one with fields added and removed, the new version
 * number, and the deprecation notice and migration guide a breaking change needs. The input
 * contract is not modified. Classifying what changed is {@link diffContracts}' job.
 *
 * @public
 */
export function reviseContract(
  previous: OdcsContract,
  revision: ContractRevision,
): RevisedContract {
  const contract: OdcsContract = JSON.parse(JSON.stringify(previous));
  const applied: string[] = [];
  const problems: string[] = [];
  const version = text(revision.version);
  if (version) {
    contract.version = version;
    applied.push(`version ${previous.version} → ${version}`);
  }

  const adds = (revision.addFields ?? []).filter(
    f => f && typeof f === 'object',
  );
  const removes = (revision.removeFields ?? [])
    .map(text)
    .filter((n): n is string => !!n);
  if (adds.length > 0 || removes.length > 0) {
    const objects = contract.schema ?? [];
    const wanted = text(revision.objectName);
    const object: OdcsSchemaObject | undefined = wanted
      ? objects.find(o => o.name === wanted)
      : objects[0];
    if (!object) {
      problems.push(
        wanted
          ? `The contract has no schema object "${wanted}" (it has ${
              objects.map(o => o.name).join(', ') || 'none'
            }): pick one of those.`
          : 'The contract has no schema object to change: add a schema to the contract first.',
      );
    } else {
      const properties = object.properties ?? [];
      for (const name of removes) {
        const at = properties.findIndex(p => p.name === name);
        if (at < 0) {
          problems.push(
            `"${
              object.name
            }" has no field "${name}" to remove (its fields: ${properties
              .map(p => p.name)
              .join(', ')}).`,
          );
          continue;
        }
        properties.splice(at, 1);
        applied.push(`removed ${object.name}.${name}`);
      }
      adds.forEach((field, i) => {
        const property = propertyOf(field, properties.length + i);
        if (properties.some(p => p.name === property.name)) {
          problems.push(
            `"${object.name}" already has a field "${property.name}": rename the new field or remove the old one.`,
          );
          return;
        }
        properties.push(property);
        applied.push(`added ${object.name}.${property.name}`);
      });
      numberPrimaryKey(properties);
      object.properties = properties;
    }
  }

  const notice = text(revision.deprecationNotice);
  const guide = text(revision.migrationGuide);
  if (notice || guide) {
    const custom = contract.customProperties ?? [];
    if (notice) {
      setCustomProperty(custom, 'deprecationNotice', notice);
      applied.push(`deprecation notice of ${notice}`);
    }
    contract.customProperties = custom;
    if (guide) {
      const definitions = (contract.authoritativeDefinitions ?? []).filter(
        d => d.type !== 'migrationGuide',
      );
      definitions.push({ type: 'migrationGuide', url: guide });
      contract.authoritativeDefinitions = definitions;
      applied.push(`migration guide ${guide}`);
    }
  }
  return { contract, applied, problems };
}

/**
 * A new version of the contract in a file: checks that the new version is a semantic
 * version, reads the file (only then), applies the revision (`reviseContract`) and
 * writes the revised contract as ODCS YAML. Either a problem, one message saying what is
 * wrong and what to do, or the revised contract with its text, the sentences of what was
 * applied and the schema object the changed fields belong to.
 *
 * @public
 */
export async function reviseContractFile(
  file: {
    /** The file, as it was given (named in messages). */
    path: string;
    /** The name of the input that gave the file (named in messages), e.g. `contractPath`. */
    input: string;
    /** Reads the file's text. */
    read: () => Promise<string>;
  },
  revision: ContractRevision,
): Promise<
  | { problem: string }
  | {
      /** The version of the contract as the file held it. */
      previousVersion: string;
      contract: OdcsContract;
      /** The revised contract as ODCS YAML. */
      text: string;
      /** One sentence per change applied. */
      applied: string[];
      /** The schema object whose fields were changed: the one named, else the first. */
      objectName: string;
    }
> {
  if (!parseVersion(revision.version)) {
    return {
      problem: `version "${revision.version}" is not a semantic version: write it as MAJOR.MINOR.PATCH, e.g. 2.0.0`,
    };
  }
  const reading = readContract(await file.read(), { fileName: file.path });
  if (!reading.contract) {
    return {
      problem: `${file.input} "${
        file.path
      }" holds no readable contract: ${reading.issues
        .map(i => i.message)
        .join('; ')}`,
    };
  }
  const revised = reviseContract(reading.contract, revision);
  if (revised.problems.length > 0) {
    return {
      problem: [
        `The changes cannot be applied to ${file.path}:`,
        ...revised.problems.map(p => `  - ${p}`),
      ].join('\n'),
    };
  }
  return {
    previousVersion: reading.contract.version,
    contract: revised.contract,
    text: serializeOdcs(revised.contract),
    applied: revised.applied,
    objectName: revision.objectName ?? revised.contract.schema?.[0]?.name ?? '',
  };
}
