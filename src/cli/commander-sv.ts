// commander writes its parse errors in English; the CLI speaks Swedish like the rest of Stegvis.
const translations: [RegExp, (...groups: string[]) => string][] = [
  [/required option '([^']+)' not specified/, (flag) => `flaggan ${flag} saknas`],
  [/unknown option '([^']+)'/, (flag) => `okänd flagga '${flag}'`],
  [/unknown command '([^']+)'/, (name) => `okänt kommando '${name}'`],
  [/missing required argument '([^']+)'/, (name) => `argumentet <${name}> saknas`],
  [/option '([^']+)' argument missing/, (flag) => `flaggan ${flag} saknar värde`],
  [/option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./, (flag, value, choices) => `ogiltigt värde '${value}' för ${flag}: välj ${choices.replace(/, /g, ' eller ')}`],
  [/option '([^']+)' cannot be used with option '([^']+)'/, (a, b) => `${a} och ${b} kan inte anges samtidigt`],
  [/too many arguments(?: for '([^']+)')?/, (name) => `för många argument${name ? ` till ${name}` : ''}`],
];

export function translateCommanderMessage(message: string): string {
  for (const [pattern, render] of translations) {
    const match = pattern.exec(message);
    if (match) return `fel: ${render(...match.slice(1))}\n`;
  }
  return message;
}
