/**
 * The pseudo-locale (Microsoft's qps-ploc): every catalogue text in accented letters between
 * ⟦ and ⟧, placeholders untouched. Shown in a test run, any plain ASCII word in the pane or in a
 * function's message is text that skipped the catalogue (or a value from the user's own cells).
 */

/** Every ASCII letter's accented twin, so that no letter of catalogue text stays plain ASCII. */
const LOWER = "áƀçďéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýž";
const UPPER = "ÁɃÇĎÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";

/** Letters with accents where one exists; the rest of the text as it is. */
export function accented(text: string): string {
  return text.replace(/[a-zA-Z]/g, (letter) => {
    const code = letter.charCodeAt(0);
    return code >= 97 ? (LOWER[code - 97] as string) : (UPPER[code - 65] as string);
  });
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
