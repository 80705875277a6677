import { dictionary } from '@zxcvbn-ts/language-common';

let loaded: ReadonlySet<string> | undefined;

/**
 * The commonly used passwords new ones are checked against: zxcvbn-ts's list (about 49,000,
 * maintained with the library), lower-cased, read once on first use.
 */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return loaded;
}
