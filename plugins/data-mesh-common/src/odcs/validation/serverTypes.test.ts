import { serverConnectionKeys, serverTypesOf } from './serverTypes';

describe('serverConnectionKeys', () => {
  it("lists a type's connection keys in the standard's order, without the v3.2 ones under v3.1", () => {
    expect(serverConnectionKeys('athena', '3.1')).toEqual([
      'stagingDir',
      'schema',
      'catalog',
      'regionName',
    ]);
    expect(serverConnectionKeys('athena', '3.2')).toContain('workgroup');
    expect(serverConnectionKeys('s3', '3.1')).toEqual([
      'location',
      'endpointUrl',
      'format',
      'delimiter',
    ]);
  });

  it('knows no type the rules do not have, nor keys of plain objects', () => {
    expect(serverConnectionKeys('iceberg', '3.1')).toBeUndefined();
    expect(serverConnectionKeys('iceberg', '3.2')).toContain('catalogUrl');
    expect(serverConnectionKeys('dataframe', '3.2')).toBeUndefined();
    expect(serverConnectionKeys('constructor', '3.1')).toBeUndefined();
  });
});

describe('serverTypesOf', () => {
  it('adds the v3.2 server types only to the v3.2 rules', () => {
    expect(serverTypesOf('3.1')).not.toContain('teradata');
    expect(serverTypesOf('3.2')).toContain('teradata');
    expect(serverTypesOf('3.1')).toContain('postgres');
  });
});
