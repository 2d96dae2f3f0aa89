import type { EntityType } from '../../model/index.js';

/** One entity mention of one document, as the `entities` (or `metaEntities`) layer gives it. */
export interface MentionRecord {
  docId: string;
  spanId: string;
  start: number;
  end: number;
  /** The words of the mention (title already stripped by the stage). */
  text: string;
  type: EntityType;
  /** The canonical name the stage gave it within its document (attrs.entity). */
  docEntity: string;
  roles: string[];
  /**
   * Where it is written when not in the clean text: the headline or a caption (`metaEntities`
   * layer); `start`/`end` are then offsets into that field.
   */
  field?: 'headline' | 'caption';
  /** `demonym`: a people's name (`Israeli`, MISC in the layer) counted as a mention of its country. */
  kind?: 'demonym';
}

/** A document's entity mentions: what the identity builder reads (from the store, or `lede annotate` output). */
export interface DocEntities {
  docId: string;
  mentions: MentionRecord[];
}

/** Why two names were taken for one entity, in words a curator can check. */
export interface Evidence {
  rule:
    | 'same-name'
    | 'same-key'
    | 'transliteration'
    | 'surname'
    | 'defined-alias'
    | 'demonym'
    | 'facility'
    | 'name-form'
    | 'curation';
  detail: string;
}

/** One real-world entity across the corpus. */
export interface EntityRecord {
  /** Stable while the canonical name and type stay the same: `PERSON:qassem soleimani`. */
  id: string;
  name: string;
  type: EntityType;
  /** Every other name it goes by in the corpus, transliteration variants included. */
  aliases: string[];
  /** The aliases that are spellings of the name rather than other names (`Qasem Soleimani`). */
  variants: string[];
  roles: string[];
  documents: string[];
  mentions: MentionRecord[];
  evidence: Evidence[];
}
