/**
 * What search indexes of a data product's contract: its name and purpose, then each object
 * and field with its description, one sentence each, so result snippets read as text.
 */
import type { ContractSummary } from './contractSummary';

function ended(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function sentence(name: string, description?: string): string {
  const text = description?.trim();
  return text ? `${name}: ${ended(text)}` : ended(name);
}

/**
 * The searchable text of a contract summary: its title, its purpose, then each object and
 * field with its description (`orders: One row per order.`), one sentence per line.
 * @public
 */
export function contractSearchText(summary: ContractSummary): string {
  const lines: string[] = [];
  if (summary.name) lines.push(ended(summary.name));
  if (summary.description?.trim())
    lines.push(ended(summary.description.trim()));
  for (const object of summary.objects ?? []) {
    lines.push(sentence(object.name, object.description));
    for (const field of object.fields ?? []) {
      lines.push(sentence(field.name, field.description));
    }
  }
  return lines.join('\n');
}
