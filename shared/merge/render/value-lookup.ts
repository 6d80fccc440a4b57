import { normalizeFieldName } from "../fields/field-name";
import type { MergeValue, MergeValues } from "../merge-record";

const isEmpty = (value: MergeValue): boolean =>
  value === undefined || value === null || value === "";

/**
 * A record's values by normalized field name. When two keys normalize alike ("Email" and
 * "E-mail"), the first non-empty one wins. A table row's item is looked up before its record.
 */
export class ValueLookup {
  private readonly values = new Map<string, MergeValue>();

  constructor(
    values: MergeValues,
    private readonly parent?: ValueLookup,
    prefix?: string,
  ) {
    for (const name in values) {
      const value = values[name];
      const key = normalizeFieldName(name);
      if (!this.values.has(key) || (isEmpty(this.values.get(key)) && !isEmpty(value)))
        this.values.set(key, value);
      if (prefix !== undefined) this.values.set(prefix + key, value);
    }
  }

  get(key: string): MergeValue {
    const value = this.values.get(key);
    if (value !== undefined || !this.parent) return value;
    return this.parent.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key) || (this.parent?.has(key) ?? false);
  }
}
