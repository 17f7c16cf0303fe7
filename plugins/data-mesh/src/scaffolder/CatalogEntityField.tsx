import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

/**
 * The options of the catalog entity field (`ui:options` in the template).
 * @public
 */
export interface CatalogEntityFieldOptions {
  /** The kind of entity to pick: `Domain`, `System`, `Group`… (`Group` when absent). */
  kind?: string;
  /**
   * A form field holding a picked entity (e.g. `domain`): only entities part of it are
   * offered, and the pick is cleared when it changes to one the picked entity is not part of.
   */
  partOfField?: string;
  /** Start with the signed-in user's team (for `kind: Group`). */
  defaultToUserGroup?: boolean;
}

/** An entity as the field offers it. */
interface Choice {
  ref: string;
  label: string;
}

function choiceOf(entity: Entity): Choice {
  const profile = (entity.spec as { profile?: { displayName?: string } })
    ?.profile;
  return {
    ref: stringifyEntityRef(entity),
    label:
      entity.metadata.title ?? profile?.displayName ?? entity.metadata.name,
  };
}

/** Compares refs as the catalog does: kind and namespace default, any case. */
function sameRef(a: string, b: string, kind: string): boolean {
  try {
    const options = { defaultKind: kind, defaultNamespace: 'default' };
    return (
      stringifyEntityRef(parseEntityRef(a, options)).toLocaleLowerCase(
        'en-US',
      ) ===
      stringifyEntityRef(parseEntityRef(b, options)).toLocaleLowerCase('en-US')
    );
  } catch {
    return false;
  }
}

/**
 * Picks a catalog entity by its title (the ref shown beside it), and stores its entity ref.
 * It can offer only the entities part of another field's pick (a domain's systems), and
 * start with the user's team (an owner).
 * @public
 */
export function CatalogEntityField(
  props: FieldExtensionComponentProps<string, CatalogEntityFieldOptions>,
) {
  const {
    formData,
    onChange,
    formContext,
    uiSchema,
    schema,
    required,
    rawErrors,
    idSchema,
    disabled,
  } = props;
  const options = (uiSchema?.['ui:options'] ?? {}) as CatalogEntityFieldOptions;
  const { kind = 'Group', partOfField, defaultToUserGroup } = options;
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const parent: unknown = partOfField
    ? formContext?.formData?.[partOfField]
    : undefined;
  const parentRef = typeof parent === 'string' && parent ? parent : undefined;

  const entities = useAsync(async () => {
    if (partOfField && !parentRef) return [];
    const filter: Record<string, string> = { kind };
    if (parentRef) {
      filter['relations.partof'] = stringifyEntityRef(
        parseEntityRef(parentRef, { defaultKind: 'domain' }),
      ).toLocaleLowerCase('en-US');
    }
    const { items } = await catalogApi.getEntities({
      filter,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items.map(choiceOf).sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi, kind, partOfField, parentRef]);
  const choices = useMemo(() => entities.value ?? [], [entities.value]);

  // The user's team, once, for a form that has no owner yet.
  const myGroups = useAsync(async () => {
    if (!defaultToUserGroup) return [];
    const identity = await identityApi.getBackstageIdentity();
    return identity.ownershipEntityRefs.filter(ref =>
      ref.toLocaleLowerCase('en-US').startsWith('group:'),
    );
  }, [identityApi, defaultToUserGroup]);
  useEffect(() => {
    if (formData || !myGroups.value?.length || !choices.length) return;
    const mine = choices.find(c =>
      myGroups.value!.some(ref => sameRef(ref, c.ref, kind)),
    );
    if (mine) onChange(mine.ref);
  }, [formData, myGroups.value, choices, kind, onChange]);

  // A pick that is not part of the parent any more (the domain changed) is cleared.
  useEffect(() => {
    if (!partOfField || !formData || entities.loading || !entities.value)
      return;
    if (!entities.value.some(c => sameRef(c.ref, formData, kind)))
      onChange(undefined as unknown as string);
  }, [partOfField, formData, entities.loading, entities.value, kind, onChange]);

  const selected =
    (formData && choices.find(c => sameRef(c.ref, formData, kind))) || null;
  const errors = rawErrors ?? [];
  const waiting = !!partOfField && !parentRef;
  let helperText = schema.description;
  if (errors.length) helperText = errors.join(' ');
  else if (waiting) helperText = `Pick the ${partOfField} first.`;
  return (
    <Autocomplete
      id={idSchema?.$id}
      options={choices}
      value={selected}
      loading={entities.loading}
      disabled={disabled || waiting}
      getOptionLabel={c => c.label}
      isOptionEqualToValue={(a, b) => a.ref === b.ref}
      onChange={(_, choice) =>
        onChange((choice?.ref ?? undefined) as unknown as string)
      }
      renderOption={(optionProps, choice) => (
        <li {...optionProps} key={choice.ref}>
          <span>
            {choice.label}{' '}
            <Typography
              component="span"
              variant="caption"
              color="text.secondary"
            >
              {choice.ref}
            </Typography>
          </span>
        </li>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={schema.title ?? kind}
          required={required}
          margin="normal"
          variant="standard"
          error={errors.length > 0}
          helperText={helperText}
        />
      )}
    />
  );
}
