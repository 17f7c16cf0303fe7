import type { z as zod } from 'zod/v3';

type Z = typeof zod;

/** A field of the product, as the templates' forms ask for it. */
export const fieldSchema = (z: Z) =>
  z
    .object({
      name: z.string({ description: 'Column name, e.g. order_id' }),
      type: z
        .string({
          description:
            'Logical type: string, integer, number, boolean, date or timestamp',
        })
        .optional(),
      physicalType: z
        .string({ description: 'Type in the data source, e.g. varchar(36)' })
        .optional(),
      description: z
        .string({ description: 'What the field means for a consumer' })
        .optional(),
      required: z.boolean().optional(),
      unique: z.boolean().optional(),
      primaryKey: z.boolean().optional(),
      pii: z
        .boolean({ description: 'The field holds personal data' })
        .optional(),
      piiCategory: z
        .string({ description: 'Category of personal data, e.g. contact' })
        .optional(),
      encrypted: z
        .boolean({ description: 'The field is encrypted at column level' })
        .optional(),
      classification: z.string().optional(),
    })
    .passthrough();

const duration = (z: Z, description: string) =>
  z
    .union([
      z.object({
        value: z.union([z.number(), z.string()]).optional(),
        unit: z.string().optional(),
      }),
      z.string(),
      z.number(),
    ])
    .describe(description)
    .optional();

/** The inputs of `data-mesh:contract:generate` that describe the product (the form's values). */
export const draftInputSchema = {
  name: (z: Z) =>
    z.string({ description: 'Entity name of the product, e.g. web-orders' }),
  title: (z: Z) => z.string({ description: 'Display name' }).optional(),
  description: (z: Z) =>
    z.string({ description: 'What the product is for' }).optional(),
  usage: (z: Z) =>
    z.string({ description: 'How consumers should use it' }).optional(),
  domain: (z: Z) =>
    z.string({ description: 'The domain (name or entity ref)' }).optional(),
  system: (z: Z) =>
    z
      .string({ description: "The domain's System (name or entity ref)" })
      .optional(),
  owner: (z: Z) =>
    z.string({ description: 'The owning group (name or entity ref)' }),
  productKind: (z: Z) =>
    z
      .enum(['source-aligned', 'aggregate', 'consumer-aligned'], {
        description: 'Kind of data product',
      })
      .optional(),
  classification: (z: Z) =>
    z
      .string({ description: 'public, internal, confidential or restricted' })
      .optional(),
  lifecycle: (z: Z) =>
    z
      .string({
        description: 'experimental (default), production or deprecated',
      })
      .optional(),
  version: (z: Z) =>
    z.string({ description: 'Contract version, 1.0.0 by default' }).optional(),
  dataCategory: (z: Z) =>
    z.string({ description: 'operational, analytical or logs' }).optional(),
  contact: (z: Z) =>
    z
      .string({ description: 'E-mail address or URL to reach the owner' })
      .optional(),
  auditLogging: (z: Z) =>
    z.boolean({ description: 'Access to the data is audit-logged' }).optional(),
  objectName: (z: Z) =>
    z
      .string({
        description: 'Table or topic name; derived from the name by default',
      })
      .optional(),
  fields: (z: Z) =>
    z
      .array(fieldSchema(z), {
        description: 'The fields (columns) of the product',
      })
      .optional(),
  slos: (z: Z) =>
    z
      .object({
        freshness: duration(
          z,
          'Maximum age of the newest data, e.g. { value: 24, unit: h }',
        ),
        completeness: z
          .union([z.number(), z.string()])
          .describe('Percent of expected rows present, e.g. 99.5')
          .optional(),
        accuracy: z
          .union([z.number(), z.string()])
          .describe('Percent of values that are correct, e.g. 99.5')
          .optional(),
        availability: z
          .union([z.number(), z.string()])
          .describe('Percent of time the data can be read, e.g. 99.9')
          .optional(),
        retention: duration(
          z,
          'How long data is kept, e.g. { value: 7, unit: y }',
        ),
      })
      .passthrough()
      .optional(),
  inputPorts: (z: Z) =>
    z
      .array(
        z.union([
          z.string(),
          z
            .object({
              name: z.string().optional(),
              product: z.string().optional(),
              contractId: z.string().optional(),
              outputPort: z.string().optional(),
              type: z.string().optional(),
              location: z.string().optional(),
              description: z.string().optional(),
            })
            .passthrough(),
        ]),
        {
          description:
            'Upstream data products (entity refs) or external sources',
        },
      )
      .optional(),
  outputPort: (z: Z) =>
    z
      .object({
        name: z.string().optional(),
        type: z.string().optional(),
      })
      .passthrough()
      .describe('The ODCS server the product serves its data from')
      .optional(),
  tags: (z: Z) => z.array(z.string()).optional(),
};
