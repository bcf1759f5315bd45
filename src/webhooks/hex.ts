/** Lower-case hexadecimal of `bytes`, two characters per byte. */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += (byte < 16 ? "0" : "") + byte.toString(16);
  return out;
}

/** The bytes of a non-empty string of hexadecimal digits of even length (checked by the caller). */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}
