import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { setRenderedPath } from './app/router';
import './styles/app.scss';

const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// dist/web/sign-in.html and start.html (for /) hold the page already rendered (src/prerender.tsx):
// take it over rather than draw it again, keeping anything typed before the script arrived.
const rendered = root.dataset.prerendered;
if (rendered && rendered === location.pathname) {
  setRenderedPath(rendered);
  hydrateRoot(root, app);
} else {
  createRoot(root).render(app);
}
