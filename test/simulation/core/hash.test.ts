import { describe, expect, it } from 'vitest';
import { hashString, hashValue, stableStringify, treeText } from '../../../simulation/core/hash';

describe('stableStringify', () => {
  it.each([
    { title: 'null', value: null, text: 'null' },
    { title: 'undefined at the top', value: undefined, text: 'null' },
    { title: 'a number', value: 42, text: '42' },
    { title: 'a negative fraction', value: -1.5, text: '-1.5' },
    { title: 'NaN, as a string', value: Number.NaN, text: '"NaN"' },
    { title: 'Infinity, as a string', value: Number.POSITIVE_INFINITY, text: '"Infinity"' },
    { title: '-Infinity, as a string', value: Number.NEGATIVE_INFINITY, text: '"-Infinity"' },
    { title: 'a boolean', value: true, text: 'true' },
    { title: 'a string with quotes and a newline', value: 'a "b"\n', text: '"a \\"b\\"\\n"' },
    { title: 'an empty object', value: {}, text: '{}' },
    { title: 'an empty array', value: [], text: '[]' },
    { title: 'an array, in its own order', value: [3, 1, 2], text: '[3,1,2]' },
    { title: 'undefined inside an array, as null', value: [1, undefined, 2], text: '[1,null,2]' },
    { title: 'an object, keys sorted', value: { b: 1, a: 2, c: 3 }, text: '{"a":2,"b":1,"c":3}' },
    { title: 'an object without its undefined fields', value: { a: 1, b: undefined }, text: '{"a":1}' },
    { title: 'an object keeping its null fields', value: { a: null }, text: '{"a":null}' },
    {
      title: 'nested objects and arrays, keys sorted at every level',
      value: { z: [{ y: 1, x: 2 }], a: { d: { f: 1, e: 2 } } },
      text: '{"a":{"d":{"e":2,"f":1}},"z":[{"x":2,"y":1}]}',
    },
  ])('writes $title', ({ value, text }) => {
    expect(stableStringify(value)).toBe(text);
  });

  it('writes equal objects the same whatever order their keys were written in', () => {
    const a = { host: 'pc2', nic: { ip: '192.168.6.101', mask: '255.255.255.0' }, up: true };
    const b = { up: true, nic: { mask: '255.255.255.0', ip: '192.168.6.101' }, host: 'pc2' };
    expect(stableStringify(a)).toBe(stableStringify(b));
  });

  it('writes an object with an undefined field like the object without it', () => {
    expect(stableStringify({ a: 1, lease: undefined })).toBe(stableStringify({ a: 1 }));
  });
});

describe('hashString', () => {
  it.each([{ text: '' }, { text: 'a' }, { text: 'laborhub.store' }, { text: 'x'.repeat(10_000) }])(
    'gives 32 lower-case hex digits for a string of length $text.length',
    ({ text }) => {
      expect(hashString(text)).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  it('gives the same hash for the same text (golden values)', () => {
    expect(hashString('')).toBe('5db4a501a1d78195cddf2cd40ec2ec55');
    expect(hashString('laborhub')).toBe('9e0989b9cdac01f5355ca0af7ddcead4');
    expect(hashString('laborhub')).toBe(hashString('laborhub'));
  });

  it.each([
    { a: 'a', b: 'b' },
    { a: '', b: ' ' },
    { a: 'ab', b: 'ba' },
    { a: 'pc1', b: 'pc2' },
    { a: '{"a":1}', b: '{"a":2}' },
  ])('gives different hashes for "$a" and "$b"', ({ a, b }) => {
    expect(hashString(a)).not.toBe(hashString(b));
  });

  it('gives 1000 different hashes for 1000 different short strings', () => {
    const hashes = new Set(Array.from({ length: 1000 }, (_, i) => hashString(`state-${i}`)));
    expect(hashes.size).toBe(1000);
  });
});

describe('hashValue', () => {
  it('is the hash of the stable serialisation', () => {
    expect(hashValue({ b: 2, a: 1 })).toBe(hashString('{"a":1,"b":2}'));
  });

  it('hashes equal states equally whatever their key order, and ignores undefined fields', () => {
    expect(hashValue({ x: 1, y: { p: 1, q: 2 } })).toBe(hashValue({ y: { q: 2, p: 1 }, x: 1, z: undefined }));
  });

  // hashValue feeds the hash the text piece by piece (strings that need no escape as they are), and
  // stableStringify sorts a few keys itself: both must give exactly what the plain text gives.
  const manyKeys = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${(i * 7) % 40}`, i]));
  it.each([
    { title: 'escapes, quotes and backslashes', value: { a: 'say "hi"\n', b: 'c:\\temp', c: '\t\u0001' } },
    {
      title: 'lone and paired surrogates',
      value: ['\ud800', 'x\udc00', '\ud83d\ude00', 'caf\u00e9', '\u2028'],
    },
    {
      title: 'numbers, booleans, null, non-finite',
      value: [0, -0, 1.5, 1e21, true, false, null, NaN, -Infinity],
    },
    {
      title: 'index-like keys (listed first by Object.keys, sorted as text)',
      value: { b: 1, 10: 2, 9: 3, a: 4, 0: 5 },
    },
    { title: 'keys that sort by UTF-16 code unit', value: { é: 1, z: 2, Z: 3, '': 4, ab: 5, aB: 6 } },
    { title: 'more keys than the small in-place sort handles', value: { manyKeys, nested: [manyKeys] } },
    // eslint-disable-next-line no-sparse-arrays
    { title: 'an array with a hole and undefined', value: [1, , undefined, { a: undefined }] },
  ])('gives the hash of the stable text for $title', ({ value }) => {
    const text = stableStringify(value);
    expect(hashValue(value)).toBe(hashString(text));
  });

  it('writes keys in sort() order and a hole as nothing, as mapping and joining did', () => {
    expect(stableStringify({ b: 1, 10: 2, 9: 3, a: 4 })).toBe('{"10":2,"9":3,"a":4,"b":1}');
    expect(stableStringify(manyKeys)).toBe(
      `{${Object.keys(manyKeys)
        .sort()
        .map((k) => `"${k}":${manyKeys[k]}`)
        .join(',')}}`,
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(stableStringify([1, , 2])).toBe('[1,,2]');
  });

  it('hashes different states differently', () => {
    expect(hashValue({ leases: { '192.168.6.100': 'a' } })).not.toBe(
      hashValue({ leases: { '192.168.6.101': 'a' } }),
    );
  });
});

describe('treeText (the state hash built from its parts)', () => {
  const users = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`u${i}`, { sam: `user${i}`, title: 'Clerk', groups: ['Sales'] }]),
  );
  it('small data is its stable text; equal data in another key order gives the same text', () => {
    expect(treeText({ b: 1, a: [1, undefined] })).toBe('{"a":[1,null],"b":1}');
    expect(treeText({ x: users, y: 2 })).toBe(treeText({ y: 2, x: { ...users } }));
  });
  it('a large part stands in by its hash', () => {
    expect(treeText({ users })).toMatch(/^\{"users":#[0-9a-f]{32}\}$/);
  });
  it('a change deep inside (as a new object along its path) changes the text; the old version keeps its own', () => {
    const before = { dir: { users } };
    const after = { dir: { users: { ...users, u7: { ...users.u7, title: 'Manager' } } } };
    const text = treeText(before);
    expect(treeText(after)).not.toBe(text);
    expect(treeText(before)).toBe(text);
    expect(
      treeText({ dir: { users: { ...users, u7: { sam: 'user7', title: 'Clerk', groups: ['Sales'] } } } }),
    ).toBe(text);
  });
});
