/**
 * Keys that decide when two written names may be one name: the particle-free key (`al-Kaabi` =
 * `Kaabi`) and the transliteration skeleton (`Qassem`/`Qasem`/`Ghassem` → `ksm`,
 * `Soleimani`/`Suleimani` → `slmn`), which drops vowels and folds the consonants that English
 * spellings of Arabic and Persian names swap.
 */
export function straightenApostrophes(name: string): string {
  return name.replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/** Lower-case words of a name without particles (`al`, `bin`) and without a possessive. */
export function nameKey(name: string, particles: ReadonlySet<string>): string[] {
  return straightenApostrophes(name)
    .toLowerCase()
    .replace(/'s$/, '')
    .split(/[\s]+/)
    .flatMap((word) => {
      const hyphen = word.indexOf('-');
      if (hyphen > 0 && particles.has(word.slice(0, hyphen))) return [word.slice(hyphen + 1)];
      return particles.has(word) ? [] : [word];
    })
    .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((word) => word.length > 0);
}

const FOLDS: [RegExp, string][] = [
  [/gh|q|c(?=[aou])|ck/g, 'k'],
  [/kh/g, 'h'],
  [/dh|th|zh/g, 'z'],
  [/ph/g, 'f'],
  [/ou|oo/g, 'u'],
  [/['-]/g, ''],
];

/** Consonant skeleton of one word: folded consonants, no vowels, no doubled letters. */
export function transliterationSkeleton(word: string): string {
  let folded = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  const first = folded[0] ?? '';
  const rest = folded.slice(1).replace(/[aeiouy]/g, '');
  const vowelStart = /[aeiouy]/.test(first) ? 'a' : first;
  return (vowelStart + rest).replace(/(.)\1+/g, '$1');
}

export function skeletonKey(key: readonly string[]): string {
  return key.map(transliterationSkeleton).join(' ');
}
