import type { ExchangeCommand } from '../../host/host-api';

/** One channel for the library commands, from the Library menu and from the host's File menu. */
const listeners = new Set<(command: ExchangeCommand) => void>();

export const EXCHANGE_COMMANDS: { command: ExchangeCommand; label: string }[] = [
  { command: 'backup-library', label: 'Back up library' },
  { command: 'restore-library', label: 'Restore library' },
  { command: 'export-annotations', label: 'Export annotations' },
  { command: 'import-annotations', label: 'Import annotations' },
  { command: 'export-project', label: 'Export project' },
  { command: 'import-project', label: 'Import project' },
  { command: 'about-library', label: 'About this library' },
];

export function isExchangeCommand(command: string): command is ExchangeCommand {
  return EXCHANGE_COMMANDS.some((c) => c.command === command);
}

export function runExchangeCommand(command: ExchangeCommand): void {
  for (const listener of listeners) listener(command);
}

export function onExchangeCommand(listener: (command: ExchangeCommand) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
