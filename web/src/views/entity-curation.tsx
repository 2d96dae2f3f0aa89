import { type FormEvent, useRef, useState } from 'react';
import { postJson, toQuery, useApi } from '../api.js';
import { useToken } from '../token.js';
import type { CurationResult, EntityProfile, EntitySummary } from '../types.js';

type Outcome = { ok: boolean; text: string };

/**
 * Merge, split, rename and alias forms for one identity. Every decision is recorded by the server
 * and re-applied after each rebuild; `onChanged` reloads the page (under its new name after a rename).
 */
export function CurationPanel({ entity, onChanged }: { entity: EntityProfile; onChanged: (newName?: string) => void }) {
  const token = useToken();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [mergeText, setMergeText] = useState('');
  const note = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLDivElement>(null);
  const suggestions = useApi<{ entities: EntitySummary[] }>(
    mergeText.trim().length >= 2 ? `/api/entities${toQuery({ q: mergeText.trim(), limit: 12 })}` : undefined,
  );
  const aliases = entity.aliases ?? [];

  if (!token) {
    return (
      <p className="muted">
        To rename, merge, split or change the aliases of {entity.name}, enter the server's write token (Enter write
        token, at the top of the page).
      </p>
    );
  }

  /** Sends one decision; the form is cleared only when the server recorded it. */
  const decide = async (kind: string, body: Record<string, string>, form?: HTMLFormElement, newName?: string) => {
    setBusy(true);
    setOutcome(undefined);
    const why = note.current?.value.trim();
    try {
      const result = await postJson<CurationResult>(
        `/api/entities/${kind}`,
        { ...body, ...(why ? { note: why } : {}) },
        token,
      );
      setOutcome({ ok: true, text: `Recorded: ${result.description}.` });
      form?.reset();
      if (note.current) note.current.value = '';
      onChanged(newName);
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
      // The control used may be gone (a removed alias): the outcome is where the eye and focus go.
      message.current?.focus();
    }
  };
  const submit =
    (handler: (values: FormData, form: HTMLFormElement) => void) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      handler(new FormData(event.currentTarget), event.currentTarget);
    };
  const text = (values: FormData, name: string) => String(values.get(name) ?? '').trim();

  return (
    <div className="curate">
      <div ref={message} tabIndex={-1} className="curate-outcome">
        {outcome ? (
          <p className={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        ) : null}
      </div>
      <label className="curate-note">
        Note for the next change (optional, kept with the decision) <input ref={note} name="note" maxLength={1000} />
      </label>
      <div className="curate-forms">
        <form
          aria-labelledby="rename-title"
          onSubmit={submit((values, form) => {
            const name = text(values, 'name');
            if (name && name !== entity.name) void decide('rename', { entity: entity.name, name }, form, name);
          })}
        >
          <h3 id="rename-title">Rename</h3>
          <label>
            New name <input name="name" required maxLength={300} defaultValue={entity.name} />
          </label>
          <button type="submit" disabled={busy}>
            Rename
          </button>
        </form>

        <form
          aria-labelledby="aliases-title"
          onSubmit={submit((values, form) => {
            const alias = text(values, 'alias');
            if (alias) void decide('alias', { entity: entity.name, alias, action: 'add' }, form);
          })}
        >
          <h3 id="aliases-title">Aliases</h3>
          {aliases.length > 0 ? (
            <ul className="alias-list">
              {aliases.map((alias) => (
                <li key={alias}>
                  <span>{alias}</span>{' '}
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Remove alias ${alias}`}
                    onClick={() => void decide('alias', { entity: entity.name, alias, action: 'remove' })}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No aliases.</p>
          )}
          <label>
            New alias <input name="alias" required maxLength={300} />
          </label>
          <button type="submit" disabled={busy}>
            Add alias
          </button>
        </form>

        <form
          aria-labelledby="merge-title"
          onSubmit={submit((values, form) => {
            const from = text(values, 'from');
            if (from) void decide('merge', { into: entity.name, from }, form);
            setMergeText('');
          })}
        >
          <h3 id="merge-title">Merge</h3>
          <label>
            Entity to merge into {entity.name}{' '}
            <input
              name="from"
              required
              maxLength={300}
              list="merge-suggestions"
              autoComplete="off"
              onChange={(event) => setMergeText(event.target.value)}
            />
          </label>
          <datalist id="merge-suggestions">
            {suggestions.state === 'ok'
              ? suggestions.data.entities
                  .filter((other) => other.name !== entity.name)
                  .map((other) => <option key={other.name} value={other.name} />)
              : null}
          </datalist>
          <button type="submit" disabled={busy}>
            Merge
          </button>
        </form>

        <form
          aria-labelledby="split-title"
          onSubmit={submit((values, form) => {
            const alias = text(values, 'alias');
            if (alias) void decide('split', { entity: entity.name, alias }, form);
          })}
        >
          <h3 id="split-title">Split</h3>
          {aliases.length > 0 ? (
            <>
              <label>
                Move the mentions named{' '}
                <select name="alias" required defaultValue="">
                  <option value="" disabled>
                    choose an alias
                  </option>
                  {aliases.map((alias) => (
                    <option key={alias}>{alias}</option>
                  ))}
                </select>{' '}
                into an entity of their own
              </label>
              <button type="submit" disabled={busy}>
                Split
              </button>
            </>
          ) : (
            <p className="muted">Nothing to split: {entity.name} has no other names.</p>
          )}
        </form>
      </div>
    </div>
  );
}
