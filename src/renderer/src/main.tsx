import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { logEntry } from './features/diagnostics/app-log';
import { installPageErrorHandlers } from './features/diagnostics/page-errors';
import { ViewBoundary } from './features/diagnostics/ViewBoundary';
import './styles.css';
import './features/workspace/workspace.css';

installPageErrorHandlers();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root, {
  onRecoverableError: (error) =>
    logEntry({ level: 'warn', message: `React recovered from: ${String(error).slice(0, 500)}` }),
}).render(
  <StrictMode>
    {/* Each view has a boundary of its own; this one keeps the window from going blank when
        the toolbar or a dialog fails. */}
    <ViewBoundary name="Dossier" onReload={() => location.reload()} reloadLabel="Reload Dossier">
      <App />
    </ViewBoundary>
  </StrictMode>,
);
