// A one-time message carried across a navigation ("Deltagaren är inskriven."), shown by the next page.
let pending: string | null = null;

export const flash = (message: string) => {
  pending = message;
};

export const takeFlash = (): string | null => {
  const message = pending;
  pending = null;
  return message;
};
