import type { ReactElement } from 'react';

/**
 * Previous / next links and "21–40 of 1,495" for any list that can grow. The page lives in the URL
 * (`offset`), so a page can be linked to and survives a reload.
 */
export function Pager({
  total,
  more,
  offset,
  limit,
  shown,
  pageHref,
  noun,
}: {
  /** Rows in all pages; undefined when only `more` is known. */
  total: number | undefined;
  /** Whether a page follows, where the total is not counted. */
  more?: boolean;
  offset: number;
  limit: number;
  /** Rows on this page. */
  shown: number;
  /** The URL of the page starting at `offset`. */
  pageHref: (offset: number) => string;
  /** What the rows are, plural (`stories`). */
  noun: string;
}) {
  if (total === 0 || (total === undefined && offset === 0 && !more)) return null;
  const last = offset + shown;
  const next = total === undefined ? more === true : last < total;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      {offset > 0 ? (
        <a href={pageHref(Math.max(0, offset - limit))} rel="prev">
          ← Previous
        </a>
      ) : (
        <span className="muted" aria-hidden="true">
          ← Previous
        </span>
      )}
      <span aria-live="polite">
        {shown === 0 ? 'none' : `${(offset + 1).toLocaleString('en')}–${last.toLocaleString('en')}`}
        {total === undefined ? ` ${noun}` : ` of ${total.toLocaleString('en')} ${noun}`}
      </span>
      {next ? (
        <a href={pageHref(offset + limit)} rel="next">
          Next →
        </a>
      ) : (
        <span className="muted" aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}

/** A view's pager once its place is known: call it with the total and the rows shown, above and below a list. */
export function pagerOf(place: {
  offset: number;
  limit: number;
  noun: string;
  pageHref: (offset: number) => string;
}): (total: number | undefined, shown: number) => ReactElement {
  return (total, shown) => <Pager total={total} shown={shown} {...place} />;
}

/** A text box for one URL parameter, passed through `accept` as it is typed (undefined drops it). */
export function TextParam({
  label,
  value,
  placeholder,
  size,
  accept,
  onChange,
}: {
  label: string;
  value: string | undefined;
  placeholder: string;
  size?: number;
  accept: (typed: string) => string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        defaultValue={value ?? ''}
        placeholder={placeholder}
        size={size}
        onChange={(event) => onChange(accept(event.target.value))}
      />
    </label>
  );
}

/** A non-negative whole number from a URL parameter, or the fallback. */
export function offsetParam(params: URLSearchParams, name = 'offset'): number {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** A labelled drop-down that changes one URL parameter of a list (sort, outlet, kind). */
export function SelectParam({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  /** Value to label; the empty value means "no filter". */
  options: Record<string, string>;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value || undefined)}>
        {Object.entries(options).map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
