// What `--include` leaves out. A slice keeps whole operations, but its schemas still reach, by
// expansion, resources that belong to operations outside it (a Financial Connections account's
// `account_holder.customer` can expand to a whole Customer). Changes to those are the other
// operations' news; the slice's diff compares such a field only as far as the id.
import type { ApiModel, Operation } from '../model/ir.js';

/** Component names that operations not in `kept` answer with (the object, or a list's item). */
export function resourcesOutside(model: ApiModel, kept: readonly Operation[]): Set<string> {
  const inside = new Set(kept.map((op) => `${op.method} ${op.path}`));
  const names = new Set<string>();
  for (const op of model.operations) {
    if (inside.has(`${op.method} ${op.path}`)) continue;
    for (const schema of [op.success.schema, op.pagination?.item]) {
      if (schema?.kind === 'ref') names.add(schema.target);
    }
  }
  return names;
}
