/** `?, ?, ?`: the bind placeholders of an SQL `in (…)` list, one per value, for the queries written as SQL. */
export const listOf = (values: readonly unknown[]) => values.map(() => '?').join(', ');
