import type { ContractIssue } from '../issues';
import { parseSource } from './parseSource';
import { placeIssue } from './placeIssue';

const [document] = parseSource(
  ['id: orders', 'servers:', '  - server: prod', '    type: postgres', ''].join(
    '\n',
  ),
  { fileName: 'orders.yaml' },
).documents;

const issue = (path: string): ContractIssue => ({
  severity: 'error',
  path,
  message: 'something is wrong',
  rule: 'test',
});

describe('placeIssue', () => {
  it('places an issue at its value, or at its key when asked, with the file', () => {
    expect(placeIssue(issue('/servers/0/type'), document)).toEqual({
      ...issue('/servers/0/type'),
      file: 'orders.yaml',
      line: 4,
      column: 11,
    });
    expect(placeIssue(issue('/servers/0/type'), document, 'key')).toMatchObject(
      { line: 4, column: 5 },
    );
  });

  it('places a path that is not written at its nearest written ancestor, at its value', () => {
    expect(
      placeIssue(issue('/servers/0/host/name'), document, 'key'),
    ).toMatchObject({ line: 3, column: 5 });
    expect(placeIssue(issue('/team'), document)).toMatchObject({
      line: 1,
      column: 1,
    });
  });

  it('leaves the issue as it was', () => {
    const original = issue('/id');
    placeIssue(original, document);
    expect(original).toEqual(issue('/id'));
  });
});
