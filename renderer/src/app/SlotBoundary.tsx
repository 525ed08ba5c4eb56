// One feature's panel failing must not take the meeting page down with it: each slot component
// renders inside this boundary, which shows a short notice and a retry instead.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { i18n } from './i18n';

interface State {
  error: Error | null;
}

export class SlotBoundary extends Component<{ name: string; children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`slot ${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error" role="alert" data-testid="slot-error">
        <span>
          {i18n.t('common.error')}: {this.state.error.message}
        </span>{' '}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => this.setState({ error: null })}
        >
          {i18n.t('common.retry')}
        </button>
      </div>
    );
  }
}
