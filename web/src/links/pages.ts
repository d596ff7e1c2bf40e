/** The signed-link pages, loaded on first visit (see app/lazyPages). */
export { LinkPage } from './LinkPage';
