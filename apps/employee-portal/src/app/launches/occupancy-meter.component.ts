import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Occupancy } from '@astro/api';

/**
 * How full a launch is: the numbers in words, and a bar of confirmed and held seats against capacity with a mark at
 * the minimum. The bar is a meter to assistive technology, with the same numbers as its text.
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
      <span class="confirmed" [style.width.%]="share(o.confirmedSeats)"></span>
      <span class="held" [style.width.%]="share(o.heldSeats)"></span>
      <span class="minimum" [style.left.%]="share(o.minimum)"></span>
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
      position: relative;
      display: flex;
      height: 0.75rem;
      border: 1px solid var(--ab-ink-muted);
      border-radius: 999px;
      background: var(--ab-surface);
      overflow: hidden;
    }
    .confirmed {
      background: var(--ab-success);
    }
    /* Held seats are striped, so they differ from confirmed ones by more than colour. */
    .held {
      background: repeating-linear-gradient(135deg, var(--ab-warning) 0 3px, var(--ab-warning-surface) 3px 6px);
    }
    .minimum {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 2px;
      margin-left: -1px;
      background: var(--ab-ink);
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
