import { lazy, type ComponentType } from 'react';

/**
 * Pages loaded on first visit. `load` imports one module that re-exports a role's pages, so each role
 * is one chunk: the sign-in page downloads none of them (slow connections, issue #14).
 */
export function lazyPages<M>(load: () => Promise<M>) {
  return (name: keyof M): ComponentType =>
    lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
