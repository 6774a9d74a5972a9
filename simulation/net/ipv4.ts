/** IPv4 arithmetic: plain functions over dotted-quad strings. */
export type Ipv4 = string;

// Routing compares the same few dozen addresses over and over: remember their values.
const parsed = new Map<string, number>();

export function toInt(ip: Ipv4): number {
  const known = parsed.get(ip);
  if (known !== undefined) return known;
  const p = ip.split('.').map(Number);
  const n = ((((p[0] ?? 0) << 24) | ((p[1] ?? 0) << 16) | ((p[2] ?? 0) << 8) | (p[3] ?? 0)) >>> 0) as number;
  if (parsed.size < 4096) parsed.set(ip, n);
  return n;
}

export function fromInt(n: number): Ipv4 {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIpv4(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  return !!m && m.slice(1).every((x) => Number(x) <= 255 && String(Number(x)) === x);
}

function maskOf(prefix: number): Ipv4 {
  return fromInt(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

// A static adapter's mask is made from its prefix for every packet it answers (effectiveIpConfig):
// the 33 masks, made once.
const MASKS: readonly Ipv4[] = Array.from({ length: 33 }, (_, prefix) => maskOf(prefix));

export function prefixToMask(prefix: number): Ipv4 {
  return MASKS[prefix] ?? maskOf(prefix);
}

export function maskToPrefix(mask: Ipv4): number {
  let n = toInt(mask);
  let bits = 0;
  while (n & 0x80000000) {
    bits++;
    n = (n << 1) >>> 0;
  }
  return bits;
}

export function sameSubnet(a: Ipv4, b: Ipv4, mask: Ipv4): boolean {
  const m = toInt(mask);
  return (toInt(a) & m) >>> 0 === (toInt(b) & m) >>> 0;
}

/** `192.168.6.0/24` → network and mask. */
export function parseCidr(cidr: string): { network: Ipv4; prefix: number; mask: Ipv4 } | undefined {
  const [net, p, extra] = cidr.split('/');
  if (extra !== undefined || p === undefined || !/^\d{1,2}$/.test(p)) return undefined;
  const prefix = Number(p);
  if (!net || !isIpv4(net) || prefix > 32) return undefined;
  const mask = prefixToMask(prefix);
  return { network: fromInt((toInt(net) & toInt(mask)) >>> 0), prefix, mask };
}

// Routing asks about the same few CIDRs for every packet: remember them parsed (network, mask as ints).
const cidrs = new Map<string, { network: number; mask: number } | null>();

export function inCidr(ip: Ipv4, cidr: string): boolean {
  let c = cidrs.get(cidr);
  if (c === undefined) {
    const p = parseCidr(cidr);
    c = p ? { network: toInt(p.network), mask: toInt(p.mask) } : null;
    if (cidrs.size < 1024) cidrs.set(cidr, c);
  }
  return !!c && (toInt(ip) & c.mask) >>> 0 === (c.network & c.mask) >>> 0;
}

export function isApipa(ip: Ipv4): boolean {
  return inCidr(ip, '169.254.0.0/16');
}

export function isPrivate(ip: Ipv4): boolean {
  return (
    inCidr(ip, '10.0.0.0/8') || inCidr(ip, '172.16.0.0/12') || inCidr(ip, '192.168.0.0/16') || isApipa(ip)
  );
}

export const BROADCAST: Ipv4 = '255.255.255.255';
export const UNSPECIFIED: Ipv4 = '0.0.0.0';
