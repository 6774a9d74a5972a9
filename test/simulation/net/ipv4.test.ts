import { describe, expect, it } from 'vitest';
import {
  BROADCAST,
  UNSPECIFIED,
  fromInt,
  inCidr,
  isApipa,
  isIpv4,
  isPrivate,
  maskToPrefix,
  parseCidr,
  prefixToMask,
  sameSubnet,
  toInt,
} from '../../../simulation/net/ipv4';

describe('toInt and fromInt', () => {
  it.each([
    { ip: '0.0.0.0', n: 0 },
    { ip: '0.0.0.1', n: 1 },
    { ip: '0.0.1.0', n: 256 },
    { ip: '1.0.0.0', n: 16_777_216 },
    { ip: '192.168.6.2', n: 3_232_237_058 },
    { ip: '128.0.0.0', n: 2_147_483_648 },
    { ip: '255.255.255.255', n: 4_294_967_295 },
  ])('converts $ip to the unsigned integer $n and back', ({ ip, n }) => {
    expect(toInt(ip)).toBe(n);
    expect(fromInt(n)).toBe(ip);
  });

  it('counts consecutive addresses across an octet boundary', () => {
    expect(fromInt(toInt('192.168.6.255') + 1)).toBe('192.168.7.0');
  });
});

describe('isIpv4', () => {
  it.each([
    { text: '192.168.6.2', expected: true },
    { text: '0.0.0.0', expected: true },
    { text: '255.255.255.255', expected: true },
    { text: '256.1.1.1', expected: false },
    { text: '1.2.3.256', expected: false },
    { text: '01.2.3.4', expected: false },
    { text: '1.2.3.04', expected: false },
    { text: '1.2.3', expected: false },
    { text: '1.2.3.4.5', expected: false },
    { text: '1.2.3.4 ', expected: false },
    { text: 'a.b.c.d', expected: false },
    { text: '-1.2.3.4', expected: false },
    { text: '', expected: false },
  ])('"$text" is $expected', ({ text, expected }) => {
    expect(isIpv4(text)).toBe(expected);
  });
});

describe('prefixToMask and maskToPrefix', () => {
  it.each([
    { prefix: 0, mask: '0.0.0.0' },
    { prefix: 1, mask: '128.0.0.0' },
    { prefix: 8, mask: '255.0.0.0' },
    { prefix: 12, mask: '255.240.0.0' },
    { prefix: 16, mask: '255.255.0.0' },
    { prefix: 24, mask: '255.255.255.0' },
    { prefix: 25, mask: '255.255.255.128' },
    { prefix: 30, mask: '255.255.255.252' },
    { prefix: 32, mask: '255.255.255.255' },
  ])('maps /$prefix to $mask and back', ({ prefix, mask }) => {
    expect(prefixToMask(prefix)).toBe(mask);
    expect(maskToPrefix(mask)).toBe(prefix);
  });

  it('counts only the leading one bits of a non-contiguous mask', () => {
    expect(maskToPrefix('255.0.255.0')).toBe(8);
  });
});

describe('sameSubnet', () => {
  it.each([
    { a: '192.168.6.2', b: '192.168.6.101', mask: '255.255.255.0', expected: true },
    { a: '192.168.6.2', b: '192.168.7.2', mask: '255.255.255.0', expected: false },
    { a: '192.168.6.2', b: '192.168.7.2', mask: '255.255.0.0', expected: true },
    { a: '192.168.6.101', b: '192.168.6.200', mask: '255.255.255.128', expected: false },
    { a: '192.168.6.1', b: '192.168.6.127', mask: '255.255.255.128', expected: true },
    { a: '10.0.0.1', b: '200.1.1.1', mask: '0.0.0.0', expected: true },
    { a: '169.254.12.34', b: '169.254.200.1', mask: '255.255.0.0', expected: true },
  ])('$a and $b under $mask: $expected', ({ a, b, mask, expected }) => {
    expect(sameSubnet(a, b, mask)).toBe(expected);
  });
});

describe('parseCidr', () => {
  it.each([
    { cidr: '192.168.6.0/24', network: '192.168.6.0', prefix: 24, mask: '255.255.255.0' },
    { cidr: '192.168.6.77/24', network: '192.168.6.0', prefix: 24, mask: '255.255.255.0' },
    { cidr: '172.31.9.9/12', network: '172.16.0.0', prefix: 12, mask: '255.240.0.0' },
    { cidr: '8.8.8.8/32', network: '8.8.8.8', prefix: 32, mask: '255.255.255.255' },
    { cidr: '1.2.3.4/0', network: '0.0.0.0', prefix: 0, mask: '0.0.0.0' },
  ])('parses $cidr to network $network/$prefix', ({ cidr, network, prefix, mask }) => {
    expect(parseCidr(cidr)).toStrictEqual({ network, prefix, mask });
  });

  it.each([
    { cidr: '192.168.6.0' },
    { cidr: '192.168.6.0/33' },
    { cidr: '192.168.6.0/-1' },
    { cidr: '192.168.6.0/24.5' },
    { cidr: '192.168.6.0/abc' },
    { cidr: '192.168.600.0/24' },
    { cidr: 'x/24' },
    { cidr: '/24' },
    { cidr: '' },
  ])('rejects the malformed CIDR "$cidr"', ({ cidr }) => {
    expect(parseCidr(cidr)).toBeUndefined();
  });

  // Number('') is 0, so an empty prefix is read as /0 — the whole address space.
  it('rejects a CIDR with an empty prefix length ("192.168.6.0/")', () => {
    expect(parseCidr('192.168.6.0/')).toBeUndefined();
  });

  // Number('0x18') is 24, so a hexadecimal prefix slips through.
  it('rejects a CIDR whose prefix length is not decimal ("192.168.6.0/0x18")', () => {
    expect(parseCidr('192.168.6.0/0x18')).toBeUndefined();
  });
});

describe('inCidr', () => {
  it.each([
    { ip: '192.168.6.2', cidr: '192.168.6.0/24', expected: true },
    { ip: '192.168.6.255', cidr: '192.168.6.0/24', expected: true },
    { ip: '192.168.7.0', cidr: '192.168.6.0/24', expected: false },
    { ip: '172.31.255.255', cidr: '172.16.0.0/12', expected: true },
    { ip: '172.32.0.0', cidr: '172.16.0.0/12', expected: false },
    { ip: '8.8.8.8', cidr: '8.8.8.8/32', expected: true },
    { ip: '8.8.8.9', cidr: '8.8.8.8/32', expected: false },
    { ip: '8.8.8.8', cidr: '0.0.0.0/0', expected: true },
    { ip: '8.8.8.8', cidr: 'not-a-cidr', expected: false },
  ])('$ip in $cidr: $expected', ({ ip, cidr, expected }) => {
    expect(inCidr(ip, cidr)).toBe(expected);
  });
});

describe('isApipa and isPrivate', () => {
  it.each([
    { ip: '169.254.0.1', apipa: true, priv: true },
    { ip: '169.254.255.254', apipa: true, priv: true },
    { ip: '169.255.0.1', apipa: false, priv: false },
    { ip: '10.0.0.1', apipa: false, priv: true },
    { ip: '10.255.255.255', apipa: false, priv: true },
    { ip: '11.0.0.1', apipa: false, priv: false },
    { ip: '172.16.0.1', apipa: false, priv: true },
    { ip: '172.31.255.255', apipa: false, priv: true },
    { ip: '172.15.255.255', apipa: false, priv: false },
    { ip: '172.32.0.1', apipa: false, priv: false },
    { ip: '192.168.6.2', apipa: false, priv: true },
    { ip: '192.169.0.1', apipa: false, priv: false },
    { ip: '8.8.8.8', apipa: false, priv: false },
    { ip: '20.190.160.20', apipa: false, priv: false },
  ])('$ip: APIPA $apipa, private $priv', ({ ip, apipa, priv }) => {
    expect(isApipa(ip)).toBe(apipa);
    expect(isPrivate(ip)).toBe(priv);
  });
});

describe('constants', () => {
  it('names the limited broadcast and the unspecified address', () => {
    expect(BROADCAST).toBe('255.255.255.255');
    expect(UNSPECIFIED).toBe('0.0.0.0');
  });
});
