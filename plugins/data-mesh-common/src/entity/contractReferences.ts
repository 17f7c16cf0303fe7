/**
 * Where a data product's entity says its contract is: inline, in a contract file, or named
 * by the output ports of an ODPS product file.
 */
import { type ContractIssue, toJsonPointer } from '../issues';
import { DATA_PRODUCT_ANNOTATIONS } from './constants';

const INLINE_PATH = toJsonPointer(['spec', 'dataProduct', 'contract']);

/** A trimmed non-empty string, or undefined. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A file an annotation of the entity names (in the entity at `path`, the annotation `what`). */
interface NamedFile {
  /** The file or URL as written, trimmed. */
  reference: string;
  /** The annotation's JSON pointer in the entity. */
  path: string;
  /** The annotation's name, for messages. */
  what: string;
}

function annotation(
  annotations: Record<string, string>,
  name: string,
): NamedFile | undefined {
  const reference = scalar(annotations[name]);
  return reference
    ? {
        reference,
        path: toJsonPointer(['metadata', 'annotations', name]),
        what: name,
      }
    : undefined;
}

/**
 * Where a data product's entity says its contract is: written inline in
 * `spec.dataProduct.contract`, in the file or URL the `data-mesh/contract` annotation names,
 * and the ODPS product file `data-mesh/odps` names (whose output ports name contracts), each
 * with its JSON pointer in the entity. A contract both inline and in an annotation, or no
 * contract named at all, is an error in `fileName` (the catalog file), and then nothing is
 * to be read.
 * @public
 */
export function productContractReferences(
  entity: {
    metadata?: { annotations?: Record<string, string> };
    spec?: { [key: string]: unknown };
  },
  options: { fileName: string },
): {
  /** The contract written in the entity, and where (issues inside it are below this path). */
  inline?: { value: unknown; path: string };
  /** The contract file the `data-mesh/contract` annotation names, trimmed. */
  contract?: { reference: string; path: string; what: string };
  /** The ODPS product file the `data-mesh/odps` annotation names, trimmed. */
  odps?: { reference: string; path: string; what: string };
  issues: ContractIssue[];
} {
  const annotations = entity.metadata?.annotations ?? {};
  const contract = annotation(annotations, DATA_PRODUCT_ANNOTATIONS.contract);
  const odps = annotation(annotations, DATA_PRODUCT_ANNOTATIONS.odps);
  const dataProduct = entity.spec?.dataProduct;
  const inline =
    dataProduct && typeof dataProduct === 'object'
      ? (dataProduct as Record<string, unknown>).contract
      : undefined;
  const problem = (path: string, rule: string, message: string) => ({
    issues: [
      {
        severity: 'error' as const,
        path,
        rule,
        message,
        file: options.fileName,
      },
    ],
  });
  if (inline !== undefined && contract)
    return problem(
      INLINE_PATH,
      'two-contracts',
      `the product has a contract inline and in ${contract.reference} (${DATA_PRODUCT_ANNOTATIONS.contract}): keep one`,
    );
  if (inline === undefined && !contract && !odps)
    return problem(
      '/spec/dataProduct',
      'no-contract',
      `a data product needs a contract: set the annotation ${DATA_PRODUCT_ANNOTATIONS.contract} to the contract file, ${DATA_PRODUCT_ANNOTATIONS.odps} to an ODPS product file, or write it in spec.dataProduct.contract`,
    );
  const found: ReturnType<typeof productContractReferences> = { issues: [] };
  if (inline !== undefined) found.inline = { value: inline, path: INLINE_PATH };
  if (contract) found.contract = contract;
  if (odps) found.odps = odps;
  return found;
}
