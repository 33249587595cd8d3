import { dismissNotice, noticesStore } from '../../ui/notices';
import { useStore } from '../../ui/store';

/** Messages for the analyst, one line each, until dismissed. */
export function Notices() {
  const notices = useStore(noticesStore);
  if (notices.length === 0) return null;
  return (
    <ul className="notice-list" aria-label="Messages" aria-live="polite">
      {notices.map((n) => (
        <li key={n.id} className="notice">
          <span>{n.text}</span>
          {n.action ? (
            <button
              type="button"
              className="inline"
              onClick={() => {
                dismissNotice(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss message" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
