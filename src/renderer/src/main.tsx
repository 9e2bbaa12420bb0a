import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyTheme } from './lib/index.ts';
import './styles/app.css';
import './styles/editor.css';
import './styles/library.css';

// The system theme until settings arrive, so the first paint is already in the right colours.
applyTheme('system');

const container = document.getElementById('root');
if (!container) throw new Error('Copydesk: the page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
);
