import { inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

/**
 * The submit handler of a list's GET filter form. Without the app the browser submits the form itself (every
 * field, empty or not); once the app runs, only the fields that are set become the address, so a link to it names
 * only what it filters by, and the router renders it without a reload. Call it in an injection context.
 */
export function injectFilterSubmit(): (event: SubmitEvent) => void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  return (event) => {
    event.preventDefault();
    const set = [...new FormData(event.target as HTMLFormElement)]
      .map(([name, value]) => [name, typeof value === 'string' ? value.trim() : ''] as const)
      .filter(([, value]) => value !== '');
    void router.navigate([], { relativeTo: route, queryParams: Object.fromEntries(set) });
  };
}
