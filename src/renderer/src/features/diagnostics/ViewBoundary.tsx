import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { logProblem } from './app-log';

interface Props {
  /** What failed, as the user knows it: "Library view", "Dossier". */
  name: string;
  /** When this changes (the user went elsewhere), a failed view is tried again. */
  resetKey?: string;
  /** What "Reload" does; by default the view is drawn again from the start. */
  onReload?: () => void;
  reloadLabel?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by Reload, so the children start afresh instead of keeping broken state. */
  attempt: number;
}

/**
 * Catches what a view throws while drawing, so one failing view shows what happened and a way
 * to try again, instead of a blank window; the navigation and the other views keep working.
 * Each failure is written to the log.
 */
export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(thrown: unknown): Partial<State> {
    return { error: thrown instanceof Error ? thrown : new Error(String(thrown)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const components = (info.componentStack ?? '')
      .split('\n')
      .map((line) => line.trim().replace(/^at /, '').split(' ')[0])
      .filter(Boolean)
      .slice(0, 8)
      .join(' < ');
    logProblem(this.props.name, error, components ? { components } : {});
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.reload();
  }

  private reload = () => {
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render() {
    const { error, attempt } = this.state;
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    const { name, onReload, reloadLabel } = this.props;
    return (
      <section className="view-failed" role="alert" aria-label={`${name} stopped`}>
        <h2>{name} stopped because of an error</h2>
        <p className="view-failed-message">{error.message || error.name}</p>
        <p>
          What is stored in your library is not affected. The error is kept in the log: More › Copy
          diagnostic report copies it, with no document text or notes, for a bug report.
        </p>
        <button type="button" onClick={onReload ?? this.reload}>
          {reloadLabel ?? 'Reload view'}
        </button>
      </section>
    );
  }
}
