import { createElement, lazy, type ComponentType } from 'react';

/**
 * Pages loaded on first visit. `load` imports one module that re-exports a role's pages, so each role
 * is one chunk: the sign-in page downloads none of them (slow connections, issue #14). The query
 * cache (TanStack Query) comes with them: sign-in and sign-up do not use it, so it stays out of the
 * entry chunk too.
 */
export function lazyPages<M>(load: () => Promise<M>) {
  return (name: keyof M): ComponentType =>
    lazy(async () => {
      const [pages, { QueryClientProvider }, { queryClient }] = await Promise.all([
        load(),
        import('@tanstack/react-query'),
        import('./query'),
      ]);
      const Page = pages[name] as ComponentType;
      return {
        default: function WithQueries() {
          return createElement(QueryClientProvider, { client: queryClient }, createElement(Page));
        },
      };
    });
}
