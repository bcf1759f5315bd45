/**
 * Ids and link keys. Seeded runs use a small PRNG so that a test can assert exact values; the
 * others use `Math.random`, which is enough for a fake (nothing here is a secret).
 */

/** Returns numbers in [0, 1). */
export type RandomSource = () => number;

/** A 32-bit hash of the seed (FNV-1a), the PRNG's starting state. */
function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and well distributed for test data. */
export function createRandom(seed: string | number | undefined): RandomSource {
  if (seed === undefined) return Math.random;
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Crockford base32, the alphabet of ULIDs, which Dub's ids are made of. */
const ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function pick(alphabet: string, length: number, random: RandomSource): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A random link key: 7 characters of [A-Za-z0-9], as the server generates them. */
export function randomKey(random: RandomSource, length = 7): string {
  return pick(KEY_ALPHABET, length, random);
}

/** A short lower-case suffix that makes a taken default key unique (`kim` becomes `kim-x7k2`). */
export function randomSuffix(random: RandomSource): string {
  return pick("abcdefghijklmnopqrstuvwxyz0123456789", 4, random);
}

/** `prefix` + a ULID (10 time characters from `now`, 16 random ones): `pn_01J…`, `link_01J…`. */
export function createId(prefix: string, now: number, random: RandomSource): string {
  let time = "";
  let t = Math.max(0, Math.floor(now));
  for (let i = 0; i < 10; i++) {
    time = ULID_ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}${time}${pick(ULID_ALPHABET, 16, random)}`;
}
