import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

const STEP = 24;

/** A side panel's width, remembered in localStorage under `key`. */
export function usePanelWidth(key: string, initial: number, min = 200, max = 720) {
  const storageKey = `dossier.panel.${key}`;
  const [width, setWidthState] = useState(() => {
    const saved = Number(globalThis.localStorage?.getItem(storageKey));
    return Number.isFinite(saved) && saved >= min && saved <= max ? saved : initial;
  });
  const setWidth = useCallback(
    (next: number) => {
      const clamped = Math.round(Math.min(max, Math.max(min, next)));
      setWidthState(clamped);
      try {
        localStorage.setItem(storageKey, String(clamped));
      } catch {
        // Storage full or denied: the width holds for this session only.
      }
    },
    [storageKey, min, max],
  );
  return { width, setWidth, min, max };
}

interface Props {
  label: string;
  width: number;
  min: number;
  max: number;
  onWidth: (width: number) => void;
  /** The panel lies to the right of the handle: dragging left widens it. */
  panelOnRight?: boolean;
}

/** A focusable separator: drag it, or use the arrow keys, to resize the panel beside it. */
export function ResizeHandle({ label, width, min, max, onWidth, panelOnRight }: Props) {
  const sign = panelOnRight ? -1 : 1;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = width;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onWidth(startWidth + sign * (e.clientX - startX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowLeft' ? -STEP : event.key === 'ArrowRight' ? STEP : null;
    if (delta === null) return;
    event.preventDefault();
    onWidth(width + sign * delta);
  };
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
