import { useEffect } from 'react';
import { isDialogOpen } from '../../ui/Dialog';
import { isTypingTarget } from '../../ui/keyboard';
import { annotationService } from '../annotations/annotation-service';
import { VIEWS } from './route';
import { navigate, routeForView } from './route-store';

/**
 * The workspace's own keys: Alt+1 … Alt+5 switch views, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and
 * redo, ? lists the shortcuts. None acts while a dialog is open: its keys are its own.
 */
export function useWorkspaceKeys(onShortcuts: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isDialogOpen()) return;
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        // event.code, since Alt with a digit types another character on some layouts.
        const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
        const view = digit ? VIEWS[Number(digit) - 1] : undefined;
        if (view) {
          event.preventDefault();
          navigate(routeForView(view));
        }
        return;
      }
      if (isTypingTarget(event.target)) return;
      if (event.ctrlKey || event.metaKey) {
        const key = event.key.toLowerCase();
        if (key !== 'z' && key !== 'y') return;
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? annotationService.redo() : annotationService.undo());
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        onShortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onShortcuts]);
}
