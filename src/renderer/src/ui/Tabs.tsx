import type { ReactNode } from 'react';

interface Props<T extends string> {
  label: string;
  tabs: readonly { id: T; label: ReactNode; href: string }[];
  current: T;
  onPick: (id: T) => void;
}

/**
 * Links between the parts of a view (each part has its own address, so Back returns to it),
 * drawn as tabs; the current one is marked for assistive technology.
 */
export function SubNav<T extends string>({ label, tabs, current, onPick }: Props<T>) {
  return (
    <nav className="sub-nav" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onPick(tab.id);
          }}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
