/** `?, ?, ?`: the bind placeholders of an SQL `in (…)` list, one per value. */
export const listOf = (values: readonly unknown[]) => values.map(() => '?').join(', ');
