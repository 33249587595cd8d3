import {
  MAX_LOG_CONTEXT_VALUE_CHARS,
  MAX_LOG_MESSAGE_CHARS,
  type LogContext,
  type LogEntry,
} from '../ipc/contract';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What was thrown, as text: an Error's message, else the value itself (some code throws strings). */
function messageOf(thrown: unknown): { name: string; message: string; stack?: string } {
  if (thrown instanceof Error) {
    return { name: thrown.name || 'Error', message: thrown.message, stack: thrown.stack };
  }
  if (typeof thrown === 'object' && thrown !== null && 'message' in thrown) {
    const { message, name } = thrown as { message: unknown; name?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: String(message) };
  }
  return { name: typeof thrown, message: String(thrown) };
}

/**
 * An error as a log entry: where it happened, its name and message, and the first lines of its
 * stack (code locations only). Lengths are capped to what the log accepts, so an error message
 * that happens to be huge cannot be refused by the log, or fill it.
 */
export function problemEntry(
  where: string,
  thrown: unknown,
  extra: LogContext = {},
  level: LogEntry['level'] = 'error',
): LogEntry {
  const { name, message, stack } = messageOf(thrown);
  const context: LogContext = { where: clip(where, 100), errorName: clip(name, 100), ...extra };
  if (stack) {
    // The frames only: the first line repeats the message.
    const frames = stack
      .split('\n')
      .filter((line) => /^\s*at |@/.test(line))
      .slice(0, 6)
      .map((line) => line.trim())
      .join('\n');
    if (frames) context.stack = clip(frames, MAX_LOG_CONTEXT_VALUE_CHARS);
  }
  const text = message.trim() === '' ? `${name} (no message)` : `${name}: ${message}`;
  return { level, message: clip(`${where}: ${text}`, MAX_LOG_MESSAGE_CHARS), context };
}
