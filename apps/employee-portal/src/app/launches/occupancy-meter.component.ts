import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Occupancy } from '@astro/api';

/**
 * How full a launch is: the numbers in words, and a bar of confirmed and held seats against capacity with a mark at
 * the minimum (held seats a thinner band). The bar is a meter to assistive technology, with the numbers as its text.
 */
@Component({
  selector: 'ab-occupancy-meter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let o = occupancy();
    <p class="numbers">
      <strong>{{ o.confirmedSeats }}</strong> confirmed · {{ o.heldSeats }} held · of {{ o.capacity }} seats
      <span class="minimum-text">minimum {{ o.minimum }}</span>
    </p>
    <div
      class="bar"
      role="meter"
      aria-valuemin="0"
      [attr.aria-valuemax]="o.capacity"
      [attr.aria-valuenow]="o.confirmedSeats + o.heldSeats"
      [attr.aria-valuetext]="spoken()"
      [attr.aria-label]="'Occupancy of ' + name()"
    >
      <!-- Drawn with SVG attributes: the pages' Content Security Policy refuses inline style attributes. -->
      <svg viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="confirmed" x="0" y="0" height="12" [attr.width]="share(o.confirmedSeats)" />
        <rect class="held" [attr.x]="share(o.confirmedSeats)" y="3" height="6" [attr.width]="share(o.heldSeats)" />
        <rect class="minimum" [attr.x]="share(o.minimum) - 0.75" y="0" width="1.5" height="12" />
      </svg>
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 10rem;
    }
    .numbers {
      margin: 0 0 var(--ab-space-1);
      font-variant-numeric: tabular-nums;
    }
    .minimum-text {
      display: block;
      color: var(--ab-ink-muted);
      font-size: 0.875rem;
    }
    .bar {
      border: 1px solid var(--ab-ink-muted);
      border-radius: 0.25rem;
      background: var(--ab-surface);
      line-height: 0;
    }
    svg {
      width: 100%;
      height: 0.75rem;
    }
    .confirmed {
      fill: var(--ab-success);
    }
    /* Held seats are a thinner band than confirmed ones, so they differ by more than colour. */
    .held {
      fill: var(--ab-warning);
    }
    .minimum {
      fill: var(--ab-ink);
    }
  `,
})
export class OccupancyMeterComponent {
  readonly occupancy = input.required<Occupancy>();
  /** The launch's mission, to name the meter. */
  readonly name = input.required<string>();

  protected readonly spoken = computed(() => {
    const o = this.occupancy();
    return `${o.confirmedSeats} confirmed and ${o.heldSeats} held of ${o.capacity} seats; ${o.minimum} confirmed needed to fly`;
  });

  protected share(seats: number): number {
    const capacity = this.occupancy().capacity;
    return capacity > 0 ? Math.min(100, (seats / capacity) * 100) : 0;
  }
}
