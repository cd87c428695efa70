import type { ContentModelJson } from '../../lib/engine/content/stored';

/**
 * The text of lib/engine/rulesets/content-model.json: one field per line (see
 * lib/engine/content/stored.ts). The word list is one line; to see the words a retrained model
 * gained or lost: git diff --word-diff-regex='[^\\"]+|\\n'
 */
export function formatContentModel(model: ContentModelJson): string {
  const fields = [
    `"id": ${JSON.stringify(model.id)}`,
    `"heads": ${JSON.stringify(model.heads)}`,
    `"bias": ${JSON.stringify(model.bias)}`,
    `"training": ${JSON.stringify(model.training)}`,
    `"words": ${JSON.stringify(model.words)}`,
    `"rows": ${JSON.stringify(model.rows)}`,
    `"weights": ${JSON.stringify(model.weights)}`,
  ];
  return `{\n${fields.map((f) => `  ${f}`).join(',\n')}\n}\n`;
}
