// The global sheets come first (tokens, reset, shared controls, the window's frame), so that each
// feature's own sheet, loaded with the feature, follows them in the cascade.
import './ui/index.ts';
import './app/index.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyTheme } from './lib/index.ts';

// The system theme until settings arrive, so the first paint is already in the right colours.
applyTheme('system');

const container = document.getElementById('root');
if (!container) throw new Error('Copydesk: the page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
);
