/**
 * British spellings that have no place in ASE's words (US English: labor, color, authorize), for
 * the tests that keep the staff app and the server's messages to one spelling. Word-start anchors
 * keep `aria-labelledby`, `isEmptyReport` or `quantityReceived` from matching.
 */
export const BRITISH: readonly RegExp[] = [
  /\blabour/i,
  /\bcolour/i,
  /\bauthoris/i,
  /\borganis(e|ed|es|ing|ation)/i,
  /\brecognis/i,
  /\bcustomis/i,
  /\bprioritis/i,
  /\bcategoris/i,
  /\bsummaris/i,
  /\bminimis/i,
  /\bmaximis/i,
  /\bfinalis/i,
  /\bnormalis/i,
  /\brealis(e|ed|es|ing|ation)/i,
  /\butilis/i,
  /\bapologis/i,
  /\bemphasis(e|ed|es|ing)\b/i,
  /\bitemis/i,
  /\bmemoris/i,
  /\boptimis/i,
  /\bsynchronis/i,
  /\bstandardis/i,
  /\bvisualis/i,
  /\bbehaviour/i,
  /\bfavourite/i,
  /\bhonour/i,
  /\bneighbour/i,
  /\bodour/i,
  /\bcentre/i,
  /\blicence/i,
  /\bcatalogue/i,
  /\banalys(e|ed|es|ing)\b/i,
  /\benrolment/i,
  /\benrol(s)?\b/i,
  /\bcheque/i,
  /\btyres?\b/i,
  /\bkerb/i,
  /\btravell(ing|ed|er)/i,
  /\bcancelation/i, // US keeps "cancellation" (and "canceled"/"cancelled" both pass)
  /\bmodelling/i,
  /\blabell(ed|ing)\b/i, // `aria-labelledby` is HTML's own word, not ours: \b stops it matching
  /\bfulfil(ment|s)?\b/i,
  /\bprogramme/i,
  /\bgrey(ed|ish)?\b/i, // `greyscale()` is an image library's method, not text
  /\baluminium/i,
  /\bwhilst\b/i,
  /\bamongst\b/i,
  /\bdefence/i,
  /\bjewellery/i,
];

/** The first British spelling in `text`, or null. */
export function britishSpellingIn(text: string): string | null {
  for (const pattern of BRITISH) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}
