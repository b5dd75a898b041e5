// What no text in Stegvis may hold, for forms, API bodies, query strings and import files alike.

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and UTF-16 halves
 * without their pair. NUL is refused by PostgreSQL in text; the others are invisible, cannot be
 * typed in a form, and would only ever be garbage or a probe.
 */
const forbiddenCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenCharacter = (value: string): boolean => forbiddenCharacter.test(value);

export const forbiddenCharacterMessage = 'Texten innehåller ett otillåtet tecken. Ta bort det och försök igen.';
