/** What a refused call says, field by field, as a form shows it. */

/** The first message the refusal gives for each field it names. */
export const fieldsRefused = (error: { cause?: { issues?: { path: PropertyKey[]; message: string }[] } }) => {
  const fields: Record<string, string> = {};
  for (const issue of error.cause?.issues ?? []) fields[issue.path.map(String).join('.')] ??= issue.message;
  return fields;
};
