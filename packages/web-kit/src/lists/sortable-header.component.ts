import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink, type Params } from '@angular/router';

export type SortDirection = 'asc' | 'desc';

/** How a list is sorted now, what it shows unsorted, and the address parameter that holds the direction. */
export interface Sorting {
  readonly sort: string;
  readonly direction: SortDirection;
  readonly initial: { readonly sort: string; readonly direction: SortDirection };
  readonly directionParam: string;
}

/**
 * A sortable column's header: a link to the same list sorted by it, ascending first (or the way the list starts,
 * for the column it starts sorted by), the other way on a second press. A link, so sorting works before the app
 * runs in the browser and the sort stays in the address; `aria-sort` tells a screen reader which column sorts.
 */
@Component({
  selector: 'th[abSortableHeader]',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-sort]': 'ariaSort()' },
  template: `<a class="sort" [routerLink]="[]" [queryParams]="link()"><ng-content /></a>`,
  styles: `
    .sort {
      font-weight: 700;
    }
  `,
})
export class SortableHeaderComponent {
  readonly column = input.required<string>({ alias: 'abSortableHeader' });
  readonly sorting = input.required<Sorting>();

  private readonly query = toSignal(inject(ActivatedRoute).queryParams, { requireSync: true });

  protected readonly ariaSort = computed(() => {
    const { sort, direction } = this.sorting();
    return sort === this.column() ? (direction === 'asc' ? 'ascending' : 'descending') : null;
  });

  /** The same filters, sorted anew from the first page; empty parameters are left out so the address stays tidy. */
  protected readonly link = computed((): Params => {
    const { sort, direction, initial, directionParam } = this.sorting();
    const column = this.column();
    const first = column === initial.sort ? initial.direction : 'asc';
    const next = sort === column ? (direction === 'asc' ? 'desc' : 'asc') : first;
    const kept = Object.entries(this.query()).filter(([name, value]) => name !== 'page' && value !== '');
    return { ...Object.fromEntries(kept), sort: column, [directionParam]: next };
  });
}

/**
 * The sort as hidden inputs of a list's GET filter form, so that filtering keeps the sort; left out while the list
 * is sorted the way it starts, so that an unsorted list's address names its filters only.
 */
@Component({
  selector: 'ab-sort-inputs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let now = sorting();
    @if (now.sort !== now.initial.sort || now.direction !== now.initial.direction) {
      <input type="hidden" name="sort" [value]="now.sort" />
      <input type="hidden" [name]="now.directionParam" [value]="now.direction" />
    }
  `,
})
export class SortInputsComponent {
  readonly sorting = input.required<Sorting>();
}
