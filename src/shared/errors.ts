/**
 * Errors that cross a process boundary. Thrown Error subclasses lose their type over IPC and HTTP,
 * so every contract call answers with a Result whose error carries a stable `code`.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'forbidden'
  | 'export_invalid'
  | 'storage'
  | 'database_newer'
  | 'database_corrupt'
  | 'untrusted_sender'
  | 'internal';

export interface AppErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
