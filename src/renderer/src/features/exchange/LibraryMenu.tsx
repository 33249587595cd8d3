import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EXCHANGE_COMMANDS, runExchangeCommand } from './exchange-commands';

/** The toolbar's "Library" menu button: backup, restore and exchange, reachable by keyboard. */
export function LibraryMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || !button.current?.parentElement?.contains(event.target))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onKey = (event: KeyboardEvent) => {
    const index = items.current.findIndex((el) => el === document.activeElement);
    const move = (to: number) => {
      event.preventDefault();
      items.current[(to + EXCHANGE_COMMANDS.length) % EXCHANGE_COMMANDS.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(EXCHANGE_COMMANDS.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <span className="menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Library
      </button>
      {open ? (
        <div role="menu" aria-label="Library" className="menu-list" onKeyDown={onKey}>
          {EXCHANGE_COMMANDS.map(({ command, label }, i) => (
            <button
              key={command}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                runExchangeCommand(command);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
