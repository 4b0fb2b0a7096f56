import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * A list's "Previous page / Next page" links. They are links, not buttons, so the page number lives in the address
 * and the server renders any page; they keep the address's other parameters, so the same filters are paged.
 */
@Component({
  selector: 'ab-pager',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="ab-actions pagination" [attr.aria-label]="label()">
      @if (page() > 1) {
        <a [routerLink]="[]" [queryParams]="{ page: page() - 1 }" queryParamsHandling="merge">Previous page</a>
      }
      <span>Page {{ page() }} of {{ pages() }}</span>
      @if (page() < pages()) {
        <a [routerLink]="[]" [queryParams]="{ page: page() + 1 }" queryParamsHandling="merge">Next page</a>
      }
    </nav>
  `,
  styles: `
    .pagination {
      margin-top: var(--ab-space-4);
      align-items: center;
    }
  `,
})
export class PagerComponent {
  readonly page = input.required<number>();
  readonly pages = input.required<number>();
  /** What is paged, for those who move between landmarks: "Pages of bookings". */
  readonly label = input.required<string>();
}
