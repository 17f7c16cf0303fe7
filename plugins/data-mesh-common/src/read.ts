import { hasErrors, ContractIssue, parseJsonPointer } from './issues';
import type { OdcsContract } from './odcs/model';
import { validateOdcs } from './odcs/validate';
import type { OdpsProduct } from './odps/model';
import { readOdpsProduct } from './odps/readOdpsProduct';
import { parseSource, SourceDocument, SourceLimits } from './source';
import { placeIssue } from './source/placeIssue';
import { originOf } from './formats/conversionTrace';
import { checkDataProductYaml } from './formats/dataProductYaml/checkDataProductYaml';
import { readDataProductYaml } from './formats/dataProductYaml/readDataProductYaml';
import { checkDatameshV1 } from './formats/datameshV1/checkDatameshV1';
import { readDatameshV1 } from './formats/datameshV1/readDatameshV1';
import { checkDcs } from './formats/dcs/checkDcs';
import { readDcs } from './formats/dcs/readDcs';
import { detectFormat } from './formats/detectFormat';
import { normalizeContract } from './formats/normalizeContract';
import { formatLabel } from './formats/provenance';
import type { ContractConversion, ContractFormat } from './formats/types';
import { classifyUri } from './formats/uri';
import { IssueLog } from './formats/issueLog';
import { checkUri } from './formats/uriPolicy';

/**
 * What {@link readContract} found in a file.
 * @public
 */
export interface ContractReading {
  format: ContractFormat;
  /**
   * The contract in the ODCS model (converted when the file is in another contract format,
   * normalised), when the file holds a contract. Present even when invalid: check `valid`.
   */
  contract?: OdcsContract;
  /** The product, when the file is an ODPS product descriptor. */
  product?: OdpsProduct;
  /**
   * Every problem found, each with the file, the JSON pointer into the SOURCE document,
   * and the line and column of the offending value when it is written in the file.
   */
  issues: ContractIssue[];
  /** True when no issue is an error. */
  valid: boolean;
}

type Converter = (value: unknown) => ContractConversion;
type FormatCheck = (value: unknown) => ContractIssue[];

const CONVERTERS: Partial<Record<ContractFormat, [FormatCheck, Converter]>> = {
  dcs: [checkDcs, readDcs],
  'datamesh-v1': [checkDatameshV1, readDatameshV1],
  'data-product-yaml': [checkDataProductYaml, readDataProductYaml],
};

const UNKNOWN_FORMAT_MESSAGE =
  'this file is in no contract format this reader knows. Expected one of: ODCS v3 (apiVersion: v3.x.x, kind: DataContract), the Data Contract Specification (dataContractSpecification: 1.2.1), datamesh/v1 (apiVersion: datamesh/v1, kind: DataContract), a data_product.yaml (name, schema.fields, sla…) or an ODPS product (kind: DataProduct)';

/** The value at a JSON pointer of a plain document. */
function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const segment of parseJsonPointer(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * The suite's templated-URI policy applied to the ODCS validator's findings: a `format` error
 * on a URI with `{placeholders}` (`s3://bucket/{model}/*.json`), which the strict ODCS `uri`
 * check refuses, becomes a `templated-uri` warning (see `checkUri`). Other issues pass as
 * they are.
 */
function acceptTemplatedUris(
  issues: readonly ContractIssue[],
  document: unknown,
): ContractIssue[] {
  return issues.map(issue => {
    const value = valueAt(document, issue.path);
    if (
      issue.rule !== 'format' ||
      typeof value !== 'string' ||
      classifyUri(value) !== 'templated'
    ) {
      return issue;
    }
    const log = new IssueLog();
    checkUri(log, parseJsonPointer(issue.path), value, 'this URI');
    return { ...issue, ...log.issues[0] };
  });
}

/**
 * The ODCS validator's findings on a converted contract, moved to the source: each path
 * becomes the source path the converter recorded (or its closest recorded ancestor), and
 * the message says where in the converted contract it was found.
 */
function convertedContractIssues(
  conversion: ContractConversion,
  sourceLabel: string,
): ContractIssue[] {
  return acceptTemplatedUris(
    validateOdcs(conversion.contract),
    conversion.contract,
  ).map(issue => ({
    ...issue,
    path: originOf(conversion.origins, issue.path) ?? '',
    message: `${issue.message} (in the ODCS contract ${sourceLabel}, at ${
      issue.path || 'its root'
    })`,
  }));
}

function sameIssue(a: ContractIssue, b: ContractIssue): boolean {
  return a.path === b.path && a.rule === b.rule && a.severity === b.severity;
}

function byPosition(a: ContractIssue, b: ContractIssue): number {
  return (
    (a.line ?? Infinity) - (b.line ?? Infinity) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/**
 * Reads a document in a format other than ODCS: its issues carry SOURCE paths, not yet their
 * line and column.
 */
function readOtherFormat(
  value: unknown,
  format: Exclude<ContractFormat, 'odcs'>,
): ContractReading {
  if (format === 'unknown') {
    return {
      format,
      issues: [
        {
          severity: 'error',
          path: '',
          rule: 'unknown-format',
          message: UNKNOWN_FORMAT_MESSAGE,
        },
      ],
      valid: false,
    };
  }
  if (format === 'odps') {
    const { product, issues } = readOdpsProduct(value);
    return { format, product, issues, valid: !hasErrors(issues) };
  }
  const [check, convert] = CONVERTERS[format]!;
  const issues = check(value);
  const conversion = convert(value);
  const converted = convertedContractIssues(
    conversion,
    `converted from ${formatLabel(format)}`,
  );
  for (const issue of [...conversion.issues, ...converted]) {
    if (!issues.some(known => sameIssue(known, issue))) issues.push(issue);
  }
  return {
    format,
    contract: conversion.contract,
    issues,
    valid: !hasErrors(issues),
  };
}

/** Reads one document, every issue placed in it (file, line, column). */
function readDocument(document: SourceDocument): ContractReading {
  const value = document.value;
  const format = detectFormat(value);
  if (format === 'odcs') {
    // The validator places its issues, each at the key or the value it concerns.
    const issues = acceptTemplatedUris(validateOdcs(value, document), value);
    const contract = normalizeContract(value as OdcsContract);
    return { format, contract, issues, valid: !hasErrors(issues) };
  }
  const reading = readOtherFormat(value, format);
  // An unknown key is shown at the key; anything else at its value.
  const issues = reading.issues.map(issue =>
    placeIssue(issue, document, issue.rule === 'unknown-key' ? 'key' : 'value'),
  );
  return { ...reading, issues };
}

/**
 * Reads a contract or product file: parses it (YAML or JSON), tells its format, converts
 * other contract formats to the ODCS model, validates (the format's own rules on the source,
 * then the ODCS rules on the converted contract) and normalises. Never throws for bad input.
 *
 * Every issue carries the file name, the JSON pointer of the offending value in the SOURCE
 * document, and its line and column. A file holds one contract: a second YAML document is an
 * error. ODCS v2 contracts are refused ("unsupported, migrate to v3"). A URI with
 * `{placeholders}` (a DCS location template such as `s3://bucket/{model}/*.json`) is
 * accepted, with a `templated-uri` warning, in every format.
 * @public
 */
export function readContract(
  text: string,
  options: { fileName?: string; limits?: Partial<SourceLimits> } = {},
): ContractReading {
  const parsed = parseSource(text, {
    fileName: options.fileName,
    limits: options.limits,
  });
  const fileIssue = (issue: ContractIssue): ContractIssue =>
    options.fileName === undefined
      ? issue
      : { ...issue, file: options.fileName };
  const [first, ...others] = parsed.documents;
  if (!first || first.value === undefined || first.value === null) {
    const issues = [...parsed.issues];
    if (!hasErrors(issues)) {
      issues.push(
        fileIssue({
          severity: 'error',
          path: '',
          rule: 'empty',
          message: 'the file holds no contract: it is empty or only comments',
        }),
      );
    }
    return { format: 'unknown', issues, valid: false };
  }
  const reading = readDocument(first);
  const issues = [...parsed.issues, ...reading.issues];
  if (others.length > 0) {
    const position = others[0].locate([]);
    issues.push(
      fileIssue({
        severity: 'error',
        path: '',
        rule: 'several-documents',
        message: `the file holds ${parsed.documents.length} YAML documents; a contract file holds one. Split the documents after the first "---" into their own files`,
        ...(position ?? {}),
      }),
    );
  }
  issues.sort(byPosition);
  return { ...reading, issues, valid: !hasErrors(issues) };
}
