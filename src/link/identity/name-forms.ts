/**
 * The `name-form` identity rule: names of one organisation or one named thing written in other forms.
 * Inside one document, the forms of one name are one entity: the plural (`Tories` and `Tory`,
 * `Liberal Democrats` and `Liberal Democrat`), the name without a party or company suffix (`Labour
 * Party` and `Labour`), and a clipped form whose every word shortens the full name's word (`Lib Dems`
 * and `Liberal Democrats`). Across documents, forms join only where one document wrote both, so
 * `Times` and `Time`, or `News` and `New Party`, stay apart unless a text relates them. A short list of
 * names no spelling relates (`Conservative` and `Tory`) joins them wherever they occur.
 */
import type { EntityType } from '../../model/index.js';
import { straightenApostrophes } from './name-keys.js';
import type { Evidence } from './types.js';

export interface NameFormOptions {
  /** Last words a name may be written without (`Party`, `Inc`), as written. */
  suffixes: ReadonlySet<string>;
  /** Names of one organisation that no spelling relates. */
  sameNames: readonly (readonly [string, string])[];
}

interface FormGroup {
  docId: string;
  name: string;
  type: EntityType;
  /** Set on a demonym's group: its country's name, which the text never wrote. */
  country?: unknown;
}

/** Only organisations and other named things: persons and places have rules of their own. */
const FORM_TYPES: ReadonlySet<EntityType> = new Set(['ORG', 'MISC']);

/**
 * The words of a name's base form: possessive, suffix and plural taken off, then lower case, except
 * for acronyms (`PCS`, a union, is not `PCs`, computers).
 */
export function baseForm(name: string, suffixes: ReadonlySet<string>): string[] {
  const words = straightenApostrophes(name).replace(/'s?$/u, '').split(/\s+/).filter(Boolean);
  if (words.length >= 2 && suffixes.has(words[words.length - 1] as string)) words.pop();
  const last = words.length - 1;
  if (last >= 0) words[last] = singular(words[last] as string);
  return words.map((word) => (/^\p{Lu}{2,}$/u.test(word) ? word : word.toLowerCase()));
}

/** `Tories` → `Tory`, `Democrats` → `Democrat`, `PCs` → `PC`; `PCS`, `Congress`, `Aids` as they are. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/^\p{Lu}{2,}s$/u.test(word)) return word.slice(0, -1);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The names that are no clipped form of another of them (`Lib Dems` is one of `Liberal Democrats`):
 * the full name names a record. Each name's form is computed once, and only names of as many words compared.
 */
export function unclippedNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  const byLength = new Map<number, string[][]>();
  const forms = names.map((name) => {
    const form = baseForm(name, NO_SUFFIXES);
    if (form.length >= 2) {
      const list = byLength.get(form.length);
      if (list) list.push(form);
      else byLength.set(form.length, [form]);
    }
    return form;
  });
  return names.filter((_, i) => {
    const form = forms[i] as string[];
    return form.length < 2 || !(byLength.get(form.length) ?? []).some((other) => clips(form, other));
  });
}

const NO_SUFFIXES: ReadonlySet<string> = new Set();

/** Every word of `short` is a shorter start of the same word of `full`, of three letters or more (`Lib Dem`, `Liberal Democrat`). */
function clips(short: readonly string[], full: readonly string[]): boolean {
  return (
    short.length >= 2 &&
    short.length === full.length &&
    short.every((word, i) => {
      const whole = full[i] as string;
      return word.length >= 3 && word.length < whole.length && whole.startsWith(word);
    })
  );
}

/**
 * Joins the groups that are forms of one name, calling `union` with the evidence; returns the
 * groups joined so, whose record counts MISC mentions as ORG when it has ORG ones (`Tories`, tagged
 * MISC as a people, is the party).
 */
export function joinNameForms(
  groups: readonly FormGroup[],
  options: NameFormOptions,
  union: (a: number, b: number, reason: Evidence) => void,
): Set<number> {
  const joined = new Set<number>();
  const join = (a: number, b: number, detail: string) => {
    union(a, b, { rule: 'name-form', detail });
    joined.add(a);
    joined.add(b);
  };
  const forms = groups.map((group) =>
    group.country || !FORM_TYPES.has(group.type) ? undefined : baseForm(group.name, options.suffixes),
  );
  const byDocument = new Map<string, number[]>();
  groups.forEach((group, i) => {
    if (!forms[i]) return;
    const list = byDocument.get(group.docId);
    if (list) list.push(i);
    else byDocument.set(group.docId, [i]);
  });
  for (const [docId, members] of byDocument) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x] as number;
        const b = members[y] as number;
        const formA = forms[a] as string[];
        const formB = forms[b] as string[];
        const nameA = (groups[a] as FormGroup).name;
        const nameB = (groups[b] as FormGroup).name;
        if (formA.join(' ') === formB.join(' '))
          join(a, b, `${docId} writes "${nameA}" and "${nameB}", forms of one name`);
        else if (clips(formA, formB) || clips(formB, formA))
          join(a, b, `${docId} writes "${nameA}" and "${nameB}", one a clipped form of the other`);
      }
    }
  }
  for (const [left, right] of options.sameNames) {
    const leftForm = baseForm(left, options.suffixes).join(' ');
    const rightForm = baseForm(right, options.suffixes).join(' ');
    const named = (form: string) => forms.flatMap((words, i) => (words?.join(' ') === form ? [i] : []));
    const all = [...named(leftForm), ...named(rightForm)];
    const [first, ...rest] = all;
    if (first === undefined) continue;
    for (const other of rest) {
      join(first, other, `"${left}" and "${right}" name one organisation (data/entities/same-names.tsv)`);
    }
  }
  return joined;
}
