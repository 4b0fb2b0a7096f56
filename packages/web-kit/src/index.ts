export { provideTrpc, injectTrpc } from './trpc.ts';
export { queryResource, type QueryResourceOptions } from './query-resource.ts';
export { problemCode, problemMessage } from './errors.ts';
export { injectFocus } from './focus.ts';
export { injectInteractive } from './interactive.ts';
export { MoneyPipe } from './money.pipe.ts';
export { launchStatusBadge, launchStatusLabels } from './launch-status.ts';
export { LaunchHistoryComponent, type LaunchHistoryStep } from './launch-history.component.ts';
export { BookingStatusComponent, bookingStatusLabels } from './booking-status.component.ts';
export { InvoiceStatusComponent } from './invoice-status.component.ts';
export { LocalTimeComponent } from './local-time.component.ts';
export { SignInPromptComponent, signInPath } from './sign-in-prompt.component.ts';
export { ShellComponent, type NavLink, type ShellAccount } from './shell/shell.component.ts';
export { NotFoundPage } from './pages/not-found.page.ts';
export { PageOutletComponent } from './pages/page-outlet.component.ts';
export type { SsrRequestContext } from './ssr-context.ts';
export { PagerComponent } from './lists/pager.component.ts';
export {
  SortableHeaderComponent,
  SortInputsComponent,
  type Sorting,
  type SortDirection,
} from './lists/sortable-header.component.ts';
export { injectFilterSubmit } from './lists/filter-form.ts';
export { FilterFormComponent } from './lists/filter-form.component.ts';
export { cursorAsked, pageAsked, pageCount } from './lists/paging.ts';
export { saveFile, type CsvFile, type PdfFile } from './download.ts';
export { FiguresComponent, statementFigures, type Figure } from './finance/figures.component.ts';
export { InvoiceChargesComponent, type InvoiceCharges } from './finance/invoice-charges.component.ts';
export { StatementLinesComponent, type StatementLines } from './finance/statement-lines.component.ts';
export { statementPeriod, monthAt, type StatementPeriod } from './finance/statement-period.ts';
