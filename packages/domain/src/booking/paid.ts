/** What a booking's payment and refund records add up to: the same sums for the traveler, support and the copy. */
export interface MoneyMoves {
  payments: readonly { outcome: string; amountCents: number }[];
  refunds: readonly { amountCents: number }[];
}

/** Only captured payments took money; declined and failed attempts took none. */
export const capturedCentsOf = (booking: Pick<MoneyMoves, 'payments'>): number =>
  booking.payments.filter((payment) => payment.outcome === 'captured').reduce((sum, p) => sum + p.amountCents, 0);

export const refundedCentsOf = (booking: Pick<MoneyMoves, 'refunds'>): number =>
  booking.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);

/** What the traveler has paid and not had back. */
export const paidCentsOf = (booking: MoneyMoves): number => capturedCentsOf(booking) - refundedCentsOf(booking);
