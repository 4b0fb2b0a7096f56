/**
 * Why a flow refused to do what was asked, in words the person who asked can act on. Flows throw it without knowing
 * who is listening; each transport says it its own way (the API maps every kind to one tRPC code in one place).
 */
export const problemKinds = [
  /** The input breaks a product rule; `fields` says which, field by field. */
  'invalid',
  /** The thing asked for does not exist (for this person). */
  'not_found',
  /** Someone else got there first, or the thing changed since it was read: look again. */
  'conflict',
  /** The booking or launch is not in a state that allows this (a lapsed hold, a closed launch, a flown one). */
  'wrong_state',
  /** The card was declined: nothing was charged. */
  'payment_declined',
  /** It is taking too long; the outcome will be known in a moment. */
  'timeout',
  /** A service it depends on did not answer (the payment provider). */
  'unavailable',
] as const;
export type ProblemKind = (typeof problemKinds)[number];

export class Problem extends Error {
  override readonly name = 'Problem';
  readonly kind: ProblemKind;
  /** For `invalid`: the message for each field that breaks a rule, by its path (`passengers.1.birthDate`). */
  readonly fields: Readonly<Record<string, string>> | null;

  constructor(kind: ProblemKind, message: string, fields: Readonly<Record<string, string>> | null = null) {
    super(message);
    this.kind = kind;
    this.fields = fields;
  }

  /** Input refused field by field; the message says each field's problem. */
  static invalid(fields: Readonly<Record<string, string>>): Problem {
    return new Problem('invalid', Object.values(fields).join(' '), fields);
  }
}
