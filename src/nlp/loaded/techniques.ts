/** The 14 SemEval-2020 Task 11 technique names, exactly as the task spells them. */
export const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;

export type Technique = (typeof TECHNIQUES)[number];

/** Token classes of the span tagger: outside, inside loaded language, inside name calling, inside any other technique. */
export const TOKEN_CLASSES = ['O', 'L', 'N', 'X'] as const;

export function tokenClassOf(technique: string): number {
  if (technique === 'Loaded_Language') return 1;
  if (technique === 'Name_Calling,Labeling') return 2;
  return 3;
}
