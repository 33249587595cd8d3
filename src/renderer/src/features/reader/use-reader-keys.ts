import { useEffect } from 'react';
import { TAGS, type Tag } from '@core/model';
import { isDialogOpen } from '../../ui/Dialog';
import { isTypingTarget } from '../../ui/keyboard';

interface Handlers {
  canTag: boolean;
  tag: (tag: Tag) => void;
  clear: () => void;
  remove: (() => void) | null;
  openFind: () => void;
  nextHighlight: (direction: 1 | -1) => void;
}

/**
 * The reader's keys: 1/2/3 tag the selection, Delete removes the selected annotation, j/k move
 * between highlights, Ctrl+F opens Find in document, Escape clears the selection.
 */
export function useReaderKeys(handlers: Handlers): void {
  const { canTag, tag, clear, remove, openFind, nextHighlight } = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A dialog's keys are its own: nothing is tagged or deleted behind it.
      if (isDialogOpen()) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        openFind();
        return;
      }
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const index = ['1', '2', '3'].indexOf(event.key);
      if (index >= 0 && canTag) {
        event.preventDefault();
        tag(TAGS[index] as Tag);
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        nextHighlight(event.key === 'j' ? 1 : -1);
      } else if (event.key === 'Escape') {
        clear();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && remove && !canTag) {
        event.preventDefault();
        remove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canTag, tag, clear, remove, openFind, nextHighlight]);
}
