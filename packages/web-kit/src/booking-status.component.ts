import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BookingStatus } from '@astro/domain';

/** A booking's status in words, wherever one is shown or chosen. */
export const bookingStatusLabels: Record<BookingStatus, string> = {
  held: 'Held',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};
const badges: Record<BookingStatus, string> = {
  held: 'ab-badge ab-badge--warn',
  confirmed: 'ab-badge ab-badge--good',
  cancelled: 'ab-badge ab-badge--bad',
  expired: 'ab-badge',
};

/** A booking's status as a badge, the same wherever a booking is shown: to its traveler and in the back office. */
@Component({
  selector: 'ab-booking-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="badges[status()]">{{ labels[status()] }}</span>`,
})
export class BookingStatusComponent {
  readonly status = input.required<BookingStatus>();
  protected readonly labels = bookingStatusLabels;
  protected readonly badges = badges;
}
