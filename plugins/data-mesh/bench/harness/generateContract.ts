/**
 * A generated ODCS contract of `fields` properties in YAML: tables of 50 columns with
 * every kind of column the Contract tab shows (keys, partitions, constraints, PII,
 * examples, quality rules), and every tenth column a nested object or an array of
 * objects.
 */
export function generateContractYaml(fields: number): string {
  const lines = [
    'apiVersion: v3.1.0',
    'kind: DataContract',
    'id: urn:datacontract:bench:wide',
    'name: Wide contract',
    'version: 2.3.0',
    'status: active',
    'domain: bench',
    'description:',
    '  purpose: A wide contract to measure the Contract tab.',
    'servers:',
    '  - server: warehouse',
    '    type: postgres',
    '    host: localhost',
    '    port: 5432',
    '    database: mesh',
    '    schema: bench',
    'schema:',
  ];
  let written = 0;
  for (let table = 0; written < fields; table++) {
    lines.push(
      `  - name: table_${table}`,
      '    physicalType: table',
      `    description: Table ${table} of the wide contract.`,
      '    properties:',
    );
    for (let column = 0; column < 50 && written < fields; column++) {
      const name = `field_${written}`;
      lines.push(`      - name: ${name}`);
      if (column % 10 === 9 && written + 3 <= fields) {
        lines.push(
          '        logicalType: array',
          '        description: A list of nested records.',
          '        items:',
          '          logicalType: object',
          '          properties:',
          `            - name: ${name}_id`,
          '              logicalType: string',
          `            - name: ${name}_amount`,
          '              logicalType: number',
          '              logicalTypeOptions: { minimum: 0 }',
        );
        written += 3;
        continue;
      }
      lines.push(
        `        logicalType: ${column % 3 === 0 ? 'string' : 'integer'}`,
        `        physicalType: ${column % 3 === 0 ? 'varchar(64)' : 'bigint'}`,
        `        businessName: Field ${written}`,
        `        description: Column ${written} holds a value measured by the bench, described in a sentence of ordinary length.`,
        `        required: ${column % 2 === 0}`,
      );
      if (column === 0)
        lines.push(
          '        primaryKey: true',
          '        primaryKeyPosition: 1',
          '        unique: true',
        );
      if (column === 1)
        lines.push(
          '        partitioned: true',
          '        partitionKeyPosition: 1',
        );
      if (column % 3 === 0)
        lines.push(
          '        logicalTypeOptions:',
          '          maxLength: 64',
          "          pattern: '^[a-z0-9-]+$'",
        );
      if (column % 7 === 0)
        lines.push('        classification: restricted', '        tags: [pii]');
      else lines.push('        classification: internal');
      lines.push(`        examples: ['${written}-a', '${written}-b']`);
      if (column % 5 === 0) {
        lines.push(
          '        quality:',
          '          - metric: nullValues',
          '            mustBe: 0',
          '            dimension: completeness',
        );
      }
      written += 1;
    }
  }
  return `${lines.join('\n')}\n`;
}
