import { parse } from 'yaml';
import { corpusText, itCorpus } from '../../__testUtils__/corpus';
import { fixture } from '../../__testUtils__/fixtures';
import { checkDataProductYaml } from './checkDataProductYaml';

describe('checkDataProductYaml', () => {
  itCorpus(
    'warns about the slack key that YAML read as a comment, and nothing else, in the design note',
    () => {
      const issues = checkDataProductYaml(
        parse(corpusText('design-notes/data_product.yaml')),
      );
      expect(
        issues.map(issue => [issue.severity, issue.path, issue.rule]),
      ).toEqual([['warning', '/owner/slack', 'empty-value']]);
      expect(issues[0].message).toContain('quote the value');
    },
  );

  it("warns about the slack key that YAML read as a comment, and nothing else, in the project's own file", () => {
    const issues = checkDataProductYaml(parse(fixture('data_product.yaml')));
    expect(
      issues.map(issue => [issue.severity, issue.path, issue.rule]),
    ).toEqual([['warning', '/owner/slack', 'empty-value']]);
    expect(issues[0].message).toContain('quote the value');
  });

  it('needs a name and a version', () => {
    expect(
      checkDataProductYaml({ schema: { fields: [] } }).map(
        issue => issue.message,
      ),
    ).toEqual([
      'a data_product.yaml needs "name".',
      'a data_product.yaml needs "version".',
    ]);
  });

  it('checks field names, types, constraints and partition columns', () => {
    const issues = checkDataProductYaml({
      name: 'p',
      version: '1',
      schema: {
        partitioned_by: ['day'],
        fields: [
          { name: 'a', type: 'string', constraints: ['uniq'] },
          { name: 'a', type: 'geometry' },
          { type: 'string', constraints: 'not_null' },
        ],
      },
    });
    expect(
      issues.map(issue => [issue.severity, issue.path, issue.rule]),
    ).toEqual([
      ['warning', '/schema/fields/0/constraints/0', 'unknown-constraint'],
      ['error', '/schema/fields/1/name', 'duplicate'],
      ['warning', '/schema/fields/1/type', 'type'],
      ['error', '/schema/fields/2', 'required'],
      ['error', '/schema/fields/2/constraints', 'type'],
      ['error', '/schema/partitioned_by/0', 'unknown-field'],
    ]);
  });

  it('checks access lists, SLA values and quality checks', () => {
    const issues = checkDataProductYaml({
      name: 'p',
      version: '1',
      access: { read: 'everyone' },
      sla: { availability: 'high', quality_checks: [{ name: 'x' }] },
    });
    expect(
      issues.map(issue => [issue.severity, issue.path, issue.rule]),
    ).toEqual([
      ['error', '/access/read', 'type'],
      ['warning', '/sla/availability', 'sla-value'],
      ['error', '/sla/quality_checks/0', 'required'],
    ]);
  });
});
