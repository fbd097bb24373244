/** Joins the non-empty notes of an Answer ("LLM failed (…)", "LLM answer discarded: …"). */
export function joinNotes(...notes: Array<string | undefined>): string {
  return notes.filter(Boolean).join('; ');
}
