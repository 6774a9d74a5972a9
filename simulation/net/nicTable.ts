/**
 * The network's NIC table and the address index beside it. The network actor writes the table in
 * place, in its own transitions (`putNic`), instead of copying a table of N NICs each time a host
 * attaches or takes an address; its context object is new after each change, so that object, not
 * the table inside it, is what tells one state from the next. Routing finds the owner of an
 * address through the index instead of scanning every NIC per packet.
 *
 * The index is derived data, never part of the state: remembered per table (by object), kept in
 * step by `putNic`, and built on demand for a table it does not know (a test's literal).
 */
import type { Ipv4 } from './ipv4';

/** What the index reads of a NIC (routing.ts has the whole of it). */
interface NicLike {
  addresses: readonly { ip: Ipv4 }[];
  udpListen?: readonly number[];
}

interface NicIndex {
  /** Each NIC's position in the table (the order Object.entries sees them in). */
  order: Map<string, number>;
  /** The NICs holding each address, in table order. */
  byIp: Map<Ipv4, string[]>;
  /** Every NIC, in table order. */
  ids: string[];
  /** The NICs that hear every broadcast (they name no ports), and those listening on each port. */
  open: string[];
  byPort: Map<number, string[]>;
}

const INDEX = new WeakMap<object, NicIndex>();

/** Puts `id` into `list` at its table position (no-op if there). */
function insert(index: NicIndex, list: string[], id: string): void {
  if (list.includes(id)) return;
  const at = index.order.get(id) ?? Number.POSITIVE_INFINITY;
  let i = list.length;
  while (i > 0 && (index.order.get(list[i - 1] as string) ?? 0) > at) i--;
  list.splice(i, 0, id);
}

function drop(list: string[] | undefined, id: string): void {
  const i = list ? list.indexOf(id) : -1;
  if (i >= 0) list?.splice(i, 1);
}

function listOf<K>(map: Map<K, string[]>, key: K): string[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function addNic(index: NicIndex, id: string, nic: NicLike): void {
  for (const a of nic.addresses) insert(index, listOf(index.byIp, a.ip), id);
  if (!nic.udpListen) insert(index, index.open, id);
  else for (const port of nic.udpListen) insert(index, listOf(index.byPort, port), id);
}

function removeNic(index: NicIndex, id: string, nic: NicLike): void {
  for (const a of nic.addresses) drop(index.byIp.get(a.ip), id);
  if (!nic.udpListen) drop(index.open, id);
  else for (const port of nic.udpListen) drop(index.byPort.get(port), id);
}

function indexOf(nics: Record<string, NicLike>): NicIndex {
  let index = INDEX.get(nics);
  if (!index) {
    index = { order: new Map(), byIp: new Map(), ids: [], open: [], byPort: new Map() };
    for (const id of Object.keys(nics)) {
      index.order.set(id, index.order.size);
      index.ids.push(id);
      addNic(index, id, nics[id] as NicLike);
    }
    INDEX.set(nics, index);
  }
  return index;
}

/** The NICs that hold `ip`, in table order (whether they are up is the caller's question). */
export function holdersOf(nics: Record<string, NicLike>, ip: Ipv4): readonly string[] {
  return indexOf(nics).byIp.get(ip) ?? [];
}

/**
 * The NICs a broadcast can reach, in table order: with `port`, those listening on it and those
 * naming no ports; without, all of them.
 */
export function hearersOf(nics: Record<string, NicLike>, port: number | undefined): readonly string[] {
  const index = indexOf(nics);
  if (port === undefined) return index.ids;
  const a = index.open;
  const b = index.byPort.get(port) ?? [];
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (index.order.get(x) ?? 0) < (index.order.get(y) ?? 0))) {
      out.push(x as string);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** Writes one NIC into the table in place (the network actor's own transition). */
export function putNic<N extends NicLike>(nics: Record<string, N>, id: string, nic: N): void {
  const index = INDEX.get(nics);
  const old = nics[id];
  nics[id] = nic;
  if (!index) return;
  if (!old) {
    index.order.set(id, index.order.size);
    index.ids.push(id);
  }
  if (old?.addresses !== nic.addresses || old?.udpListen !== nic.udpListen) {
    if (old) removeNic(index, id, old);
    addNic(index, id, nic);
  }
}
