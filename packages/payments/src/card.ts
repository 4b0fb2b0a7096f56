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

/** Why a card cannot be charged before even trying, or null. */
export function cardProblem(card: { number: string; expiry: string; cvc: string }, now: Date): string | null {
  if (!luhnValid(card.number)) return 'Check the card number: it is not a valid card number.';
  const expiry = /^(\d{2})\/(\d{2})$/.exec(card.expiry.trim());
  if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12) return 'Enter the expiry date as MM/YY.';
  // A card is valid until the end of its expiry month.
  const endOfMonth = Date.UTC(2000 + Number(expiry[2]), Number(expiry[1]), 1);
  if (endOfMonth <= now.getTime()) return 'This card has expired.';
  if (!/^\d{3,4}$/.test(card.cvc.trim())) return 'Enter the 3 or 4 digit security code from the back of the card.';
  return null;
}
