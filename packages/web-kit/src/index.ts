export { provideTrpc, injectTrpc } from './trpc.ts';
export { problemMessage } from './errors.ts';
export { ShellComponent, type NavLink } from './shell/shell.component.ts';
export type { SsrRequestContext } from './ssr-context.ts';
