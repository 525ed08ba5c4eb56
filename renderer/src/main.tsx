import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import './app/strings';
import './app/styles.css';
import { loadFonts } from './app/fonts';
import { App } from './app/App';
import { registerAppShell } from './offline/register-app-shell';

loadFonts();
registerAppShell();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
