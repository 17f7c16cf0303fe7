import { productNameAdvice } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';

/**
 * The options of the product name field (`ui:options` in the template).
 * @public
 */
export interface ProductNameFieldOptions {
  /** The form field holding the product's title, from which the name is suggested. */
  titleField?: string;
}

/** What the name field says when the name cannot be a catalog name. */
export function productNameHint(name: string, title?: string): string {
  return productNameAdvice(name, title).problem ?? '';
}

/**
 * The catalog name of a new data product, suggested from its title as it is typed
 * (`UX Checkout Events` → `ux-checkout-events`) until the name is edited by hand, with a
 * plain hint when what is written cannot be a catalog name.
 * @public
 */
export function ProductNameField(
  props: FieldExtensionComponentProps<string, ProductNameFieldOptions>,
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
    readonly,
  } = props;
  const options = (uiSchema?.['ui:options'] ?? {}) as ProductNameFieldOptions;
  const title: unknown = formContext?.formData?.[options.titleField ?? 'title'];
  const value = formData ?? '';
  const advice = productNameAdvice(
    value,
    typeof title === 'string' ? title : undefined,
  );
  const suggestion = advice.suggestion;
  // The name follows the title until it is edited by hand (a name the form starts with
  // counts as edited).
  const suggested = useRef<string>();
  const edited = useRef(!!formData);
  useEffect(() => {
    const current = formData ?? '';
    if (edited.current || !suggestion || suggestion === current) return;
    suggested.current = suggestion;
    onChange(suggestion);
  }, [suggestion, formData, onChange]);
  const invalid = value !== '' && advice.problem !== undefined;
  const errors = rawErrors ?? [];
  let helperText: string | undefined = schema.description;
  if (errors.length > 0) helperText = errors.join(' ');
  else if (invalid) helperText = advice.problem;
  else if (value && value === suggested.current)
    helperText = 'Suggested from the title: edit it if you like.';
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      value={value}
      required={required}
      disabled={disabled || readonly}
      onChange={e => {
        edited.current = true;
        onChange(e.target.value);
      }}
      error={errors.length > 0 || invalid}
      helperText={helperText}
      fullWidth
      margin="normal"
      variant="standard"
      inputProps={{ 'aria-describedby': `${idSchema?.$id}-helper-text` }}
    />
  );
}
