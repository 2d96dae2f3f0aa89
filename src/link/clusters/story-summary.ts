/** One story as the CLI and API show it. */
export interface StorySummary {
  id: string;
  /** The headline of the member most similar, on average, to the others. */
  label: string;
  members: string[];
  dates?: { first: string; last: string };
  outlets: string[];
}
