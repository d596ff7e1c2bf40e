/**
 * A small history-API router (a few hundred bytes instead of a routing library). Routes are
 * patterns with `:params`; Link and navigate() push history entries; the matched params are read
 * with useParams().
 */
import {
  createContext,
  useContext,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type ComponentType,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Route {
  path: string;
  component: ComponentType;
  /** Who may see it; signed-out visitors are sent to sign in. Absent: anyone. */
  roles?: readonly ('volunteer' | 'therapist' | 'buddy' | 'coordinator')[];
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
// Absent when the sign-in page is rendered to HTML at build time (src/prerender.tsx).
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

/**
 * The path a page's HTML was rendered for at build time, with no query (src/prerender.tsx). It is
 * what useLocation reports on the server and while React hydrates that HTML, so the first render
 * in the browser matches it; React then re-renders with the real path and query at once.
 */
let renderedPath = '/';
export function setRenderedPath(path: string): void {
  renderedPath = path;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path and query string; re-renders on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(
    subscribe,
    () => location.pathname + location.search,
    () => renderedPath,
  );
  const url = new URL(href, 'http://localhost'); // only the path and query are read
  return { pathname: url.pathname, search: url.searchParams };
}

export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

const ParamsContext = createContext<Record<string, string>>({});

export function useParams(): Record<string, string> {
  return useContext(ParamsContext);
}

/** Renders the first route whose pattern matches, or `notFound`. */
export function Routes({
  routes,
  notFound: NotFound,
  guard,
}: {
  routes: Route[];
  notFound: ComponentType;
  /** Decides whether a route may render; returns what to show instead, or null to go ahead. */
  guard?: (route: Route) => ReactNode | null;
}) {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) {
      const blocked = guard?.(route);
      if (blocked) return blocked;
      const Component = route.component;
      return (
        <ParamsContext.Provider value={params}>
          <Component key={pathname} />
        </ParamsContext.Provider>
      );
    }
  }
  return <NotFound />;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (middle click, copy link all work) that navigates in place on a plain click. */
export function Link({ to, onClick, className = 'govuk-link', ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} className={className} onClick={handle} {...rest} />;
}
