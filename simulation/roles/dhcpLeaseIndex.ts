/**
 * The DHCP server's lease table, and what the server looks up on every message kept beside it
 * instead of found by scanning it.
 *
 * The table is plain data in chunks: `{ 0: { ip: record, ... }, 1: { ... }, ... }`, each chunk
 * holding up to LEASE_CHUNK records, in the order their addresses first got one (the order a flat
 * `Record<Ipv4, Lease>` keeps its keys in, so every listing reads as it did when the table was flat).
 * A new address goes to the end of the last chunk, or opens the next one; a new record for an
 * address replaces it where it is. State is never changed in place, so a message copies the chunk
 * it writes and the record of chunks (LEASE_CHUNK + N / LEASE_CHUNK entries at N leases: 64 at
 * 1,000), not the whole table (1,000 entries a message, ~2 million over a 1,000-PC lab's start-up).
 *
 * Nothing outside this file knows the shape: it reads the table through `leaseAt` (one address),
 * `leaseList` (every record, in table order), `leasesOf` (one client's) and `lowestFree`, and
 * writes it through `putLease`.
 *
 * The index is derived data, never part of the state: which chunk holds each address, each
 * client's addresses (by MAC) and where the search for the lowest free address may start. Without
 * it a scope of N clients costs N² as they all take a lease. It is remembered per table (by
 * object) and moves to the next table when `putLease` writes one; a table the index does not know
 * (a test's literal, an older state used again, a state read back from JSON) gets one built on demand.
 */
import type { DhcpScopeDefinition } from '../core/definition';
import { fromInt, toInt, type Ipv4 } from '../net/ipv4';
/** What the index reads of a lease record (roles/dhcpServer.ts has the whole of it). */
interface LeaseLike {
  ip: Ipv4;
  mac: string;
  expiresAt: number;
}

/** The lease table: chunk number (0, 1, ... in table order) → the chunk's records by address. */
export type LeaseTable<R extends LeaseLike> = Record<number, Record<Ipv4, R>>;

/** Records per chunk: a message copies one chunk of this many and the record of N / LEASE_CHUNK chunks. */
export const LEASE_CHUNK = 32;

interface LeaseIndex {
  /** The chunk holding each address's record. */
  chunkOf: Map<Ipv4, number>;
  /** Each address's position in the table (the order `leaseList` gives them in). */
  order: Map<Ipv4, number>;
  /** The last chunk's number (-1 when the table is empty) and how many records it holds. */
  last: number;
  lastSize: number;
  /** The addresses of each client's records, in table order. */
  byMac: Map<string, Ipv4[]>;
  /** Every address of `scope` before `cursor` holds a lease live until at least `liveUntil`. */
  scope?: DhcpScopeDefinition;
  cursor: number;
  liveUntil: number;
}

const INDEX = new WeakMap<LeaseTable<LeaseLike>, LeaseIndex>();
const CANDIDATES = new WeakMap<DhcpScopeDefinition, { ips: Ipv4[]; pos: Map<Ipv4, number> }>();

export function excluded(scope: DhcpScopeDefinition, ip: Ipv4): boolean {
  const n = toInt(ip);
  return scope.exclusions.some((x) => n >= toInt(x.start) && n <= toInt(x.end));
}

/** The addresses a scope hands out, lowest first (its range without its exclusions). */
function candidates(scope: DhcpScopeDefinition): { ips: Ipv4[]; pos: Map<Ipv4, number> } {
  let c = CANDIDATES.get(scope);
  if (!c) {
    const ips: Ipv4[] = [];
    for (let n = toInt(scope.rangeStart); n <= toInt(scope.rangeEnd); n++) {
      const ip = fromInt(n);
      if (!excluded(scope, ip)) ips.push(ip);
    }
    c = { ips, pos: new Map(ips.map((ip, i) => [ip, i])) };
    CANDIDATES.set(scope, c);
  }
  return c;
}

function addToMac(index: LeaseIndex, mac: string, ip: Ipv4): void {
  const list = index.byMac.get(mac);
  if (!list) {
    index.byMac.set(mac, [ip]);
    return;
  }
  const at = index.order.get(ip) ?? Number.POSITIVE_INFINITY;
  let i = list.length;
  while (i > 0 && (index.order.get(list[i - 1] as Ipv4) ?? 0) > at) i--;
  list.splice(i, 0, ip);
}

/** The table's chunk numbers in table order (integer keys: ascending, whatever order they were set in). */
function chunks(leases: LeaseTable<LeaseLike>): number[] {
  return Object.keys(leases).map(Number);
}

function build(leases: LeaseTable<LeaseLike>): LeaseIndex {
  const index: LeaseIndex = {
    chunkOf: new Map(),
    order: new Map(),
    last: -1,
    lastSize: 0,
    byMac: new Map(),
    cursor: 0,
    liveUntil: 0,
  };
  for (const c of chunks(leases)) {
    const chunk = leases[c] as Record<Ipv4, LeaseLike>;
    index.last = c;
    index.lastSize = 0;
    for (const ip of Object.keys(chunk)) {
      index.chunkOf.set(ip, c);
      index.order.set(ip, index.order.size);
      index.lastSize++;
      addToMac(index, (chunk[ip] as LeaseLike).mac, ip);
    }
  }
  return index;
}

function indexOf(leases: LeaseTable<LeaseLike>): LeaseIndex {
  let index = INDEX.get(leases);
  if (!index) INDEX.set(leases, (index = build(leases)));
  return index;
}

function at<R extends LeaseLike>(leases: LeaseTable<R>, index: LeaseIndex, ip: Ipv4): R | undefined {
  const c = index.chunkOf.get(ip);
  return c === undefined ? undefined : leases[c]?.[ip];
}

/** An empty lease table. */
export function noLeases<R extends LeaseLike>(): LeaseTable<R> {
  return {};
}

/** The record of one address, if the table has one. */
export function leaseAt<R extends LeaseLike>(leases: LeaseTable<R>, ip: Ipv4): R | undefined {
  return at(leases, indexOf(leases), ip);
}

/** Every record of the table, in table order (the order the addresses first got one). */
export function leaseList<R extends LeaseLike>(leases: LeaseTable<R>): R[] {
  return chunks(leases).flatMap((c) => Object.values(leases[c] as Record<Ipv4, R>));
}

/** The table's records of one client, in table order. */
export function leasesOf<R extends LeaseLike>(leases: LeaseTable<R>, mac: string): R[] {
  const index = indexOf(leases);
  return (index.byMac.get(mac) ?? []).map((ip) => at(leases, index, ip) as R);
}

/** The lowest address of the scope with no live lease at `now`, if any. */
export function lowestFree(
  leases: LeaseTable<LeaseLike>,
  scope: DhcpScopeDefinition,
  now: number,
): Ipv4 | undefined {
  const index = indexOf(leases);
  const { ips } = candidates(scope);
  // Nothing below the cursor has expired since it was set (for this scope): start there.
  let i = index.scope === scope && now < index.liveUntil ? index.cursor : 0;
  let liveUntil = i === 0 ? Number.POSITIVE_INFINITY : index.liveUntil;
  for (; i < ips.length; i++) {
    const rec = at(leases, index, ips[i] as Ipv4);
    if (!rec || rec.expiresAt <= now) break;
    liveUntil = Math.min(liveUntil, rec.expiresAt);
  }
  index.scope = scope;
  index.cursor = i;
  index.liveUntil = liveUntil;
  return ips[i];
}

/**
 * A new table with `rec` at `ip`; `leases` is left as it was (state is never changed in place, so
 * a lab's starting roles can be shared by every lab of its definition). It shares every chunk but
 * the one written with `leases`; the index moves to the new table and the old one gets one built
 * again if it is ever read.
 */
export function putLease<R extends LeaseLike>(leases: LeaseTable<R>, ip: Ipv4, rec: R): LeaseTable<R> {
  const index = indexOf(leases);
  const held = index.chunkOf.get(ip);
  const old = held === undefined ? undefined : leases[held]?.[ip];
  let c: number;
  if (held !== undefined) c = held;
  else if (index.last >= 0 && index.lastSize < LEASE_CHUNK) {
    c = index.last;
    index.lastSize++;
  } else {
    c = index.last + 1;
    index.last = c;
    index.lastSize = 1;
  }
  const next: LeaseTable<R> = { ...leases };
  next[c] = { ...leases[c], [ip]: rec };
  INDEX.delete(leases);
  INDEX.set(next, index);
  if (held === undefined) {
    index.chunkOf.set(ip, c);
    index.order.set(ip, index.order.size);
  }
  if (old?.mac !== rec.mac) {
    if (old) {
      const list = index.byMac.get(old.mac) ?? [];
      list.splice(list.indexOf(ip), 1);
      if (list.length === 0) index.byMac.delete(old.mac);
    }
    addToMac(index, rec.mac, ip);
  }
  // The record may sit below the cursor and expire sooner than the rest there (the index does not
  // know the scope, so it assumes it does): the cursor holds only until then.
  index.liveUntil = Math.min(index.liveUntil, rec.expiresAt);
  return next;
}
