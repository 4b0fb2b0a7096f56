import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectFilterSubmit } from './filter-form.ts';
import { SortInputsComponent, type Sorting } from './sortable-header.component.ts';

/**
 * A list's filter form: a plain GET form, so the filters become the page's address and the server renders what it
 * names, before the app runs in the browser too; once it runs, only the filters that are set go into the address.
 * The page projects its fields; the form keeps the list's sort, and offers the submit and a link to the unfiltered list.
 *
 * `<ab-filter-form label="Filter invoices" submit="Show invoices" clearTo="/invoices">…fields…</ab-filter-form>`
 */
@Component({
  selector: 'ab-filter-form',
  imports: [RouterLink, SortInputsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="ab-panel ab-form ab-filters"
      method="get"
      action=""
      [attr.aria-label]="label()"
      (submit)="filter($event)"
    >
      <ng-content />
      @if (sorting(); as sorting) {
        <ab-sort-inputs [sorting]="sorting" />
      }
      <div class="ab-actions">
        <button type="submit">{{ submit() }}</button>
        <a [routerLink]="clearTo()">{{ clearLabel() }}</a>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class FilterFormComponent {
  /** The form's accessible name: "Filter invoices". */
  readonly label = input.required<string>();
  /** The submit button's text: "Show invoices". */
  readonly submit = input.required<string>();
  /** The list's address without filters, and the link's text. */
  readonly clearTo = input.required<string>();
  readonly clearLabel = input('Clear filters');
  /** The list's sort, kept when the filters change; none for a list that is not sorted by its headers. */
  readonly sorting = input<Sorting>();

  protected readonly filter = injectFilterSubmit();
}
