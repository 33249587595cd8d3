import { Dialog } from '../../ui/Dialog';

const SHORTCUTS: [string, string][] = [
  ['1 / 2 / 3', 'Tag the selected text as pledge / evidence / critique'],
  ['n', 'Edit the note of the selected annotation'],
  ['l', 'Link the selected annotation to a pledge'],
  ['Delete', 'Delete the selected annotation'],
  ['j / k', 'Next / previous highlight'],
  ['Ctrl+F', 'Find in document'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['Escape', 'Clear the selection, close a dialog'],
  ['?', 'This list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" className="shortcuts" onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
