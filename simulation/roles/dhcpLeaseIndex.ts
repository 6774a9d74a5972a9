/**
 * What the DHCP server looks up on every message, kept beside its lease table instead of found by
 * scanning it: each client's addresses (by MAC) and where the search for the lowest free address
 * may start. Without it a scope of N clients costs N² as they all take a lease (every DISCOVER
 * scanned the table twice and the range once).
 *
 * The index is derived data, never part of the state: it is remembered per lease table (by object)
 * and moves to the next table when `putLease` writes one, so the state stays plain data. A table
 * the index does not know (a test's literal, an older state used again) gets one built on demand.
 */
import type { DhcpScopeDefinition } from '../core/definition';
import { fromInt, toInt, type Ipv4 } from '../net/ipv4';
/** What the index reads of a lease record (roles/dhcpServer.ts has the whole of it). */
interface LeaseLike {
  ip: Ipv4;
  mac: string;
  expiresAt: number;
}

type Leases = Record<Ipv4, LeaseLike>;

interface LeaseIndex {
  /** Each lease table key's position in the table (the order Object.values sees them in). */
  order: Map<Ipv4, number>;
  /** The addresses of each client's records, in table order. */
  byMac: Map<string, Ipv4[]>;
  /** Every address of `scope` before `cursor` holds a lease live until at least `liveUntil`. */
  scope?: DhcpScopeDefinition;
  cursor: number;
  liveUntil: number;
}

const INDEX = new WeakMap<Leases, LeaseIndex>();
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

function build(leases: Leases): LeaseIndex {
  const index: LeaseIndex = { order: new Map(), byMac: new Map(), cursor: 0, liveUntil: 0 };
  for (const ip of Object.keys(leases)) {
    index.order.set(ip, index.order.size);
    addToMac(index, (leases[ip] as LeaseLike).mac, ip);
  }
  return index;
}

function indexOf(leases: Leases): LeaseIndex {
  let index = INDEX.get(leases);
  if (!index) INDEX.set(leases, (index = build(leases)));
  return index;
}

/** The record of one address, if the table has one. */
export function leaseAt<R extends LeaseLike>(leases: Record<Ipv4, R>, ip: Ipv4): R | undefined {
  return leases[ip];
}

/** Every record of the table, in table order (the order the addresses first got one). */
export function leaseList<R extends LeaseLike>(leases: Record<Ipv4, R>): R[] {
  return Object.values(leases);
}

/** The table's records of one client, in table order (what Object.values(...).filter would give). */
export function leasesOf<R extends LeaseLike>(leases: Record<Ipv4, R>, mac: string): R[] {
  return (indexOf(leases).byMac.get(mac) ?? []).map((ip) => leases[ip] as R);
}

/** The lowest address of the scope with no live lease at `now`, if any. */
export function lowestFree(leases: Leases, scope: DhcpScopeDefinition, now: number): Ipv4 | undefined {
  const index = indexOf(leases);
  const { ips } = candidates(scope);
  // Nothing below the cursor has expired since it was set (for this scope): start there.
  let i = index.scope === scope && now < index.liveUntil ? index.cursor : 0;
  let liveUntil = i === 0 ? Number.POSITIVE_INFINITY : index.liveUntil;
  for (; i < ips.length; i++) {
    const rec = leases[ips[i] as Ipv4];
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
 * a lab's starting roles can be shared by every lab of its definition). One copy of the table per
 * message (a message writes at most one lease); the index moves to the new table and the old one
 * gets one built again if it is ever read.
 */
export function putLease<R extends LeaseLike>(leases: Record<Ipv4, R>, ip: Ipv4, rec: R): Record<Ipv4, R> {
  const index = INDEX.get(leases);
  const old = leases[ip];
  const next = { ...leases };
  next[ip] = rec;
  if (!index) return next;
  INDEX.delete(leases);
  INDEX.set(next, index);
  if (!old) index.order.set(ip, index.order.size);
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
