export { customerRouter, type CustomerRouter } from './customer/router.ts';
export { createCustomerContext, type CustomerContext } from './customer/context.ts';
export type { BookingView, WaitingPlace } from '@astro/bookings';
export type { TravelerProfile } from './customer/account/account.service.ts';
export { supplierRouter, type SupplierRouter } from './supplier/router.ts';
export { createSupplierContext, type SupplierContext } from './supplier/context.ts';
export { adminRouter, type AdminRouter } from './admin/router.ts';
export { createAdminContext, type AdminContext } from './admin/context.ts';
export { opsRouter, type OpsRouter } from './ops/router.ts';
export { createOpsContext, type OpsContext, type RegisteredJob } from './ops/context.ts';
export { createLogTail, type LogTail, type TailEvent } from './ops/logs/tail/log-tail.ts';
export { syncMetrics } from './ops/sync/sync.service.ts';
export type { SyncMetrics } from './ops/sync/sync.schemas.ts';
export type { EmailKind, EmailPage, EmailRow, EmailStatus, EmailView } from './ops/email/email.schemas.ts';
export { components, type Component, type ComponentStatus } from './ops/status/status.schemas.ts';
export { catalogueSorts, type CatalogueEntry } from './customer/catalogue/catalogue.schemas.ts';
export { listCatalogueInput } from './customer/catalogue/catalogue.schemas.ts';
export { listUpcomingLaunches } from './customer/catalogue/catalogue.service.ts';
export type { AgencyRocket } from './supplier/rockets/rockets.schemas.ts';
export type { AgencyLaunch } from './supplier/launches/launches.service.ts';
export type { LaunchStatusStep, Occupancy } from './launch-views.ts';
export type { AgencySummary } from './admin/agencies/agencies.schemas.ts';
export type {
  BookingDetail,
  BookingRow,
  BookingSearchResult,
  BookingSort,
  CancellationQuote,
} from './admin/bookings/bookings.schemas.ts';
export type {
  AuditAction,
  AuditTarget,
  AuditEntryView,
  AuditPage,
  AuditChoices,
  ListAuditInput,
} from './admin/audit/audit.schemas.ts';
export type {
  LaunchOverview,
  LaunchesPage,
  LaunchDetail,
  LaunchSort,
  ListLaunchesInput,
} from './admin/launches/launches.schemas.ts';
export type { AccountDetail, AccountStatus, AccountSummary, StaffRole } from './admin/users/users.schemas.ts';
export type { Viewer, Access } from './access.ts';
export { partnerCatalogue, PartnerRequestError, type PartnerCatalogue } from './partner/catalogue/catalogue.service.ts';
export type {
  AgencyStatement,
  FinanceReport,
  InvoiceDetail,
  InvoicePage,
  InvoiceRow,
  InvoiceSort,
  InvoiceTotals,
  ReportFigures,
  ReportRow,
  StatementDocument,
  StatementLaunch,
} from '@astro/finance';
export type { AdminInvoiceDetail, InvoiceHistoryEntry } from './admin/finance/finance.service.ts';
export type { SupplierInvoiceDetail } from './supplier/invoices/invoices.service.ts';
export type { CsvFile, DocumentFile, ListInvoicesInput, ListOwnInvoicesInput } from './finance/finance.schemas.ts';
export type { LogContext, LogLine, LogMatch, LogPage, LogVolume } from './ops/logs/logs.schemas.ts';
