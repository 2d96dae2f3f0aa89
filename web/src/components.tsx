import type { ReactNode } from 'react';
import type { Loaded } from './api.js';
import { href } from './router.js';
import type { DocRef } from './types.js';

/** Renders a loaded value, or a plain message while loading or when the request failed. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading')
    return (
      <p className="muted" aria-live="polite">
        Loading…
      </p>
    );
  if (loaded.state === 'error') return <ErrorMessage message={loaded.error.message} />;
  return <>{children(loaded.data)}</>;
}

/** A failure, announced to screen readers as it appears; nothing when there is none. */
export function ErrorMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/** What a view shows when the store has nothing of its kind yet: says why, never pretends. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export function DocLink({ doc, at, layers }: { doc: DocRef; at?: number; layers?: string }) {
  return <a href={href(['doc', doc.id], { at, layers })}>{doc.headline || doc.id.slice(0, 12)}</a>;
}

export function DocLine({ doc }: { doc: DocRef }) {
  return <span className="muted">{[doc.outlet, doc.published].filter(Boolean).join(' · ') || 'undated'}</span>;
}

export function EntityLink({ name }: { name: string }) {
  return <a href={href(['entity', name])}>{name}</a>;
}

/** A stable colour class for a name (speakers, entity types), from a small palette. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `German (de)` for `de`; `undetermined` for `und`, a document with too little text to tell. */
export function languageLabel(code: string): string {
  if (code === 'und') return 'undetermined';
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function colourClass(name: string, prefix = 'c'): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return `${prefix}${Math.abs(hash) % 8}`;
}

export function layerHelp(layer: string): string {
  return `No ${layer} yet: the stage that finds them has not run on this store. They appear here as soon as documents carry a "${layer}" layer.`;
}

/** A row of toggle buttons choosing one value (undefined: the default). */
export function Choice({
  legend,
  options,
  current,
  onChoose,
}: {
  legend: string;
  options: readonly { value: string | undefined; label: string }[];
  current: string | undefined;
  onChoose: (value: string | undefined) => void;
}) {
  return (
    <fieldset className="zoom">
      <legend>{legend}</legend>
      {options.map((option) => (
        <button
          key={option.label}
          type="button"
          aria-pressed={current === option.value}
          onClick={() => onChoose(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

/** How far loaded-language highlights can be trusted, from the model's measured precision. */
export function FramingCaveat({ model }: { model: Record<string, number> }) {
  const percent = (value: number | undefined) => (value === undefined ? '?' : `${Math.round(value * 100)}%`);
  return (
    <>
      Machine findings, not verdicts: tested on annotated news, {percent(model.siPrecision)} of highlighted text was
      also marked by annotators ({percent(model.loadedPrecision)} for loaded language).
    </>
  );
}

/** A propaganda technique as people write it: `Exaggeration,Minimisation` → `Exaggeration / Minimisation`. */
export function techniqueName(label: string): string {
  return label.replace(/_/g, ' ').replace(/,\s*/g, ' / ');
}
