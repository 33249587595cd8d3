import { formatHash, VIEW_LABELS, VIEWS, type ViewName } from './route';
import { navigate, routeForView } from './route-store';

/** Switches between the workspace's views; Alt+1 … Alt+5 do the same. */
export function NavBar({ current }: { current: ViewName }) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul>
        {VIEWS.map((view, i) => (
          <li key={view}>
            <a
              href={formatHash(routeForView(view))}
              aria-current={view === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${i + 1}`}
              title={`Alt+${i + 1}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(routeForView(view));
              }}
            >
              {VIEW_LABELS[view]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
