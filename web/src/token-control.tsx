import { type FormEvent, useEffect, useRef, useState } from 'react';
import { postJson } from './api.js';
import { ErrorMessage } from './components.js';
import { storeToken, useToken } from './token.js';

/**
 * Where a curator enters the server's write token. It is checked with the server before it is
 * kept, so a typo shows at once rather than at the first write.
 */
export function TokenControl() {
  const token = useToken();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = input.current?.value.trim() ?? '';
    if (!value) return;
    setChecking(true);
    setError(undefined);
    try {
      await postJson('/api/token', undefined, value);
      storeToken(value);
      setOpen(false);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setChecking(false);
    }
  };

  if (token) {
    return (
      <div className="token">
        <span className="token-on">Writes enabled</span>{' '}
        <button type="button" onClick={() => storeToken(undefined)}>
          Forget token
        </button>
      </div>
    );
  }
  return (
    <div className="token">
      <button ref={toggle} type="button" aria-expanded={open} aria-controls="token-form" onClick={() => setOpen(!open)}>
        Enter write token
      </button>
      {open ? (
        <form
          id="token-form"
          className="token-form"
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          <label>
            Write token{' '}
            <input ref={input} type="password" name="token" autoComplete="off" spellCheck={false} required />
          </label>{' '}
          <button type="submit" disabled={checking}>
            {checking ? 'Checking…' : 'Use token'}
          </button>
          <p className="muted small">Kept in this tab only (session storage), never in the address.</p>
          <ErrorMessage message={error} />
        </form>
      ) : null}
    </div>
  );
}
