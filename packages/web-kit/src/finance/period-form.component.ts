import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Period } from '@astro/domain';
import { FieldComponent, FieldControlDirective } from '../forms/field.ts';
import { FilterFormComponent } from '../lists/filter-form.component.ts';
import type { StatementPeriod } from './statement-period.ts';

/**
 * The filter form that chooses a statement's or a report's period: a statement's is a calendar month or, instead, a
 * range of days (a `StatementPeriod`); a report's is only a range of days (a `Period`). The page's own filters (an
 * agency) are projected into the form's first row: before the month, after a range's days.
 *
 * `<ab-period-form [period]="period()" label="Choose a period" submit="Show statement" resetTo="/statements" resetLabel="This month" />`
 */
@Component({
  selector: 'ab-period-form',
  imports: [FieldComponent, FieldControlDirective, FilterFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ab-filter-form [label]="label()" [submit]="submit()" [clearTo]="resetTo()" [clearLabel]="resetLabel()">
      <div class="ab-form-row">
        @if (!statement()) {
          <ab-field for="period-from" label="From (UTC)">
            <input abControl name="from" type="date" [value]="period().from" />
          </ab-field>
          <ab-field for="period-until" label="Until (UTC)">
            <input abControl name="until" type="date" [value]="period().until" />
          </ab-field>
        }
        <ng-content />
        @if (statement(); as shown) {
          <ab-field for="period-month" label="Month" hint="Year and month, for example 2026-11.">
            <input abControl name="month" type="month" [value]="shown.month ?? ''" />
          </ab-field>
        }
      </div>
      @if (statement(); as shown) {
        <fieldset class="range">
          <legend>Or a range of days (UTC), instead of the month</legend>
          <div class="ab-form-row">
            <ab-field for="period-from" label="From">
              <input abControl name="from" type="date" [value]="shown.range ? shown.from : ''" />
            </ab-field>
            <ab-field for="period-until" label="Until">
              <input abControl name="until" type="date" [value]="shown.range ? shown.until : ''" />
            </ab-field>
          </div>
        </fieldset>
      }
    </ab-filter-form>
  `,
  styles: `
    :host {
      display: block;
    }
    .range {
      border: 0;
      padding: 0;
      margin: var(--ab-space-3) 0 0;
    }
    .range legend {
      font-weight: 700;
      padding: 0;
    }
  `,
})
export class PeriodFormComponent {
  /** The period the address names, as the page shows it. */
  readonly period = input.required<Period | StatementPeriod>();
  /** The form's accessible name. */
  readonly label = input.required<string>();
  /** The submit button's text. */
  readonly submit = input.required<string>();
  /** The page's address without a period, and what it shows then ("This month"). */
  readonly resetTo = input.required<string>();
  readonly resetLabel = input.required<string>();

  /** A statement's period, which may be a month; null for a report's range of days. */
  protected readonly statement = computed(() => {
    const period = this.period();
    return 'range' in period ? period : null;
  });
}
