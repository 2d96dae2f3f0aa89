/** Mistakes in code, configuration or usage (not findings about a document) throw a LedeError with a stable code. */
export type ErrorCode =
  | 'STAGE_REQUIRES_MISSING'
  | 'STAGE_PRODUCES_TWICE'
  | 'USAGE'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_MALFORMED'
  | 'FETCH_REFUSED'
  | 'FETCH_FAILED'
  | 'STORE'
  | 'MODEL_MISSING'
  | 'DATA_MISSING'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN';

export class LedeError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'LedeError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
