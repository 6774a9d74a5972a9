/**
 * CRC-32 (IEEE 802.3, the one zlib, gzip and PNG use) of a string's UTF-8 bytes. The session
 * journal stamps every line with it, so a torn or damaged line is found on load; being the common
 * CRC, the same value comes out of Python's `zlib.crc32(line.encode())` or Node's `zlib.crc32`.
 */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  const add = (byte: number) => {
    crc = (TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // A surrogate pair is one code point (4 UTF-8 bytes); a lone surrogate is U+FFFD, as TextEncoder does.
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) add(cp);
    else if (cp < 0x800) {
      add(0xc0 | (cp >> 6));
      add(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      add(0xe0 | (cp >> 12));
      add(0x80 | ((cp >> 6) & 0x3f));
      add(0x80 | (cp & 0x3f));
    } else {
      add(0xf0 | (cp >> 18));
      add(0x80 | ((cp >> 12) & 0x3f));
      add(0x80 | ((cp >> 6) & 0x3f));
      add(0x80 | (cp & 0x3f));
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC as the journal writes it: 8 lower-case hex digits. */
export function crc32Hex(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}
