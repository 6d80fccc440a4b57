import { Component, type ErrorInfo, type ReactNode } from "react";

interface ErrorBoundaryProps {
  /** What to show instead of the part that failed; gets a way to try again. */
  readonly fallback: (error: unknown, reset: () => void) => ReactNode;
  /** A new key (another segment, another tab) clears the error. */
  readonly resetKey?: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: unknown;
  readonly failed: boolean;
  readonly resetKey: string | undefined;
}

/**
 * A render error in one view must not leave Word with a blank pane: React unmounts the whole
 * tree on an uncaught error, so every view sits inside one of these.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {
    error: undefined,
    failed: false,
    resetKey: this.props.resetKey,
  };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return props.resetKey !== state.resetKey
      ? { resetKey: props.resetKey, failed: false, error: undefined }
      : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is where a support person looks; the user sees the friendly fallback.
    console.error("Mergeline view failed", error, info.componentStack);
  }

  private readonly reset = () => this.setState({ failed: false, error: undefined });

  override render(): ReactNode {
    return this.state.failed
      ? this.props.fallback(this.state.error, this.reset)
      : this.props.children;
  }
}
