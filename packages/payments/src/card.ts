/** Card checks every provider makes before it talks to a bank. */

export function luhnValid(number: string): boolean {
  const digits = number.replace(/\s+/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Why a card cannot be charged before even trying, by field (`number`, `expiry`, `cvc`); empty when none. */
export function cardProblems(
  card: { number: string; expiry: string; cvc: string },
  now: Date,
): Partial<Record<'number' | 'expiry' | 'cvc', string>> {
  const problems: Partial<Record<'number' | 'expiry' | 'cvc', string>> = {};
  if (!luhnValid(card.number)) problems.number = 'Check the card number: it is not a valid card number.';
  const expiry = /^(\d{2})\/(\d{2})$/.exec(card.expiry.trim());
  if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12) problems.expiry = 'Enter the expiry date as MM/YY.';
  // A card is valid until the end of its expiry month.
  else if (Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1) <= now.getTime())
    problems.expiry = 'This card has expired.';
  if (!/^\d{3,4}$/.test(card.cvc.trim()))
    problems.cvc = 'Enter the 3 or 4 digit security code from the back of the card.';
  return problems;
}

/** The first of a card's problems, or null. */
export function cardProblem(card: { number: string; expiry: string; cvc: string }, now: Date): string | null {
  return Object.values(cardProblems(card, now))[0] ?? null;
}
