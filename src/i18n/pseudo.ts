/**
 * The pseudo-locale (Microsoft's qps-ploc): every catalogue text in accented letters between
 * ⟦ and ⟧, placeholders untouched. Shown in a test run, any plain ASCII word in the pane or in a
 * function's message is text that skipped the catalogue (or a value from the user's own cells).
 */

const ACCENTED: Readonly<Record<string, string>> = {
  a: "á",
  e: "é",
  i: "í",
  o: "ó",
  u: "ú",
  c: "ç",
  n: "ñ",
  y: "ý",
  s: "š",
  z: "ž",
  A: "Á",
  E: "É",
  I: "Í",
  O: "Ó",
  U: "Ú",
  C: "Ç",
  N: "Ñ",
  Y: "Ý",
  S: "Š",
  Z: "Ž",
};

/** Letters with accents where one exists; the rest of the text as it is. */
export function accented(text: string): string {
  return text.replace(/[aeioucnyszAEIOUCNYSZ]/g, (letter) => ACCENTED[letter] ?? letter);
}

/** A catalogue template in the pseudo-locale: accented outside its placeholders. */
export function pseudoTemplate(template: string): string {
  return template
    .split(/(\{@?[\w.]+(?::\w+)?\})/)
    .map((part, i) => (i % 2 === 1 ? part : accented(part)))
    .join("");
}

/** Marks a rendered text as the catalogue's. */
export function pseudoMark(text: string): string {
  return `⟦${text}⟧`;
}
