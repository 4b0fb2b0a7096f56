export { provideTrpc, injectTrpc } from './trpc.ts';
export { queryResource, type QueryResourceOptions } from './query-resource.ts';
export { fieldErrorsOf, formProblems, problemCode, problemMessage } from './errors.ts';
export { FieldComponent, FieldControlDirective } from './forms/field.ts';
export { ShellComponent, type NavLink, type ShellAccount } from './shell/shell.component.ts';
export { NotFoundPage } from './pages/not-found.page.ts';
export { PageOutletComponent } from './pages/page-outlet.component.ts';
export type { SsrRequestContext } from './ssr-context.ts';
