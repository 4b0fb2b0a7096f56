import { RenderMode, type ServerRoute } from '@angular/ssr';

// Every page shows live data: render on each request, never prerender.
export const serverRoutes: ServerRoute[] = [{ path: '**', renderMode: RenderMode.Server }];
