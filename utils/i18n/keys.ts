/** Catalog key for an enum value: `channel` + `in-person` → `channel_in_person`. */
export function enumKey(prefix: string, value: string): string {
  return `${prefix}_${value.replace(/[^A-Za-z0-9]+/g, '_')}`;
}
