/**
 * Model-family conventions a sentence-embedding model was trained with. Getting them wrong
 * does not fail loudly, it just retrieves worse, so they live in one table matched by name.
 */
export interface ModelFamily {
  name: 'e5' | 'bge-m3' | 'unknown';
  queryPrefix: string;
  passagePrefix: string;
  pooling: 'mean' | 'cls';
}

const FAMILIES: Array<{ match: RegExp; family: ModelFamily }> = [
  // intfloat/(multilingual-)e5-*, Xenova/multilingual-e5-small: trained with these prefixes and mean pooling.
  { match: /(^|[/\\_-])e5([/\\_-]|$)/i, family: { name: 'e5', queryPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean' } },
  // BAAI/bge-m3, Xenova/bge-m3: dense vector = normalized [CLS]; no instruction needed.
  { match: /bge-m3/i, family: { name: 'bge-m3', queryPrefix: '', passagePrefix: '', pooling: 'cls' } },
];

const UNKNOWN: ModelFamily = { name: 'unknown', queryPrefix: '', passagePrefix: '', pooling: 'mean' };

/** The family of a hub id or folder path (matched on the name); unknown → mean pooling, no prefix. */
export function modelFamily(model: string): ModelFamily {
  return FAMILIES.find((f) => f.match.test(model))?.family ?? UNKNOWN;
}
