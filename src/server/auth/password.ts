import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (an ambient const enum, so written out here).
const argon2id = 2;

export const minPasswordLength = 12;

export const hashPassword = (password: string) => hash(password, { algorithm: argon2id });

// A fixed hash to verify against when the account does not exist, so timing does not tell
// whether an e-mail address has an account.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('stegvis-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
