import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { minuteText, timeRangePresets, type TimeRange } from '@astro/domain';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';

/**
 * The time range fields every ops page's filter form shares: a preset, or a custom from–to in UTC minutes. They
 * submit as `range`, `from` and `to`, which `timeRangeOf` reads back, so the address names the window shown.
 *
 * `<ab-filter-form …><ab-time-range [range]="range()" />…</ab-filter-form>`
 */
@Component({
  selector: 'ab-time-range',
  imports: [FieldComponent, FieldControlDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ab-field for="time-range" label="Time range">
      <select abControl name="range" (change)="choose($event)">
        @for (preset of presets; track preset.key) {
          <option [value]="preset.key" [selected]="chosen() === preset.key">{{ preset.label }}</option>
        }
        <option value="custom" [selected]="chosen() === 'custom'">Custom range</option>
      </select>
    </ab-field>
    @if (chosen() === 'custom') {
      <ab-field for="time-range-from" label="From (UTC)">
        <input abControl name="from" type="datetime-local" required [value]="from()" />
      </ab-field>
      <ab-field for="time-range-to" label="To (UTC)">
        <input abControl name="to" type="datetime-local" required [value]="to()" />
      </ab-field>
    }
    @if (range().problem; as problem) {
      <p class="ab-notice ab-notice--error problem" role="alert">{{ problem }} Showing {{ shownLabel() }}.</p>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .problem {
      flex-basis: 100%;
    }
  `,
})
export class TimeRangeComponent {
  /** The window the page shows, as `timeRangeOf` read it from the address. */
  readonly range = input.required<TimeRange>();

  protected readonly presets = timeRangePresets;
  /** The option picked; follows the address, and the select until the form is submitted. */
  protected readonly chosen = linkedSignal(() => this.range().range);
  // A custom range starts from the window shown, so "last hour" becomes an editable from–to.
  protected readonly from = computed(() => minuteText(this.range().from));
  protected readonly to = computed(() => minuteText(this.range().to));
  protected readonly shownLabel = computed(
    () => this.presets.find((preset) => preset.key === this.range().range)?.label.toLowerCase() ?? 'the default range',
  );

  protected choose(event: Event): void {
    this.chosen.set((event.target as HTMLSelectElement).value as TimeRange['range']);
  }
}
