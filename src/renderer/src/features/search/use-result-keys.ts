import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move between the results' buttons (Home and End to the ends; ArrowUp from the
 * first goes back to the search box); Enter opens the focused one, as any button does.
 */
export function onResultKeys(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-result-nav]')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  let next: HTMLElement | undefined;
  if (event.key === 'Home') next = items[0];
  else if (event.key === 'End') next = items[items.length - 1];
  else if (event.key === 'ArrowDown') next = items[Math.min(items.length - 1, at + 1)];
  else if (at <= 0) next = document.querySelector<HTMLElement>('.search-box') ?? undefined;
  else next = items[at - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}
