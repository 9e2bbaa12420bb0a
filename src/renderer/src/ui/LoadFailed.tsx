/** In place of a list that could not be read: what failed, why, and "Try again". */
export interface LoadFailedProps {
  readonly message: string;
  readonly detail: string | null;
  readonly onRetry: () => void;
}

export function LoadFailed({ message, detail, onRetry }: LoadFailedProps) {
  return (
    <div className="cd-empty cd-empty--error" role="alert">
      <p>{message}</p>
      <p className="cd-empty__detail">{detail}</p>
      <button type="button" className="cd-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
