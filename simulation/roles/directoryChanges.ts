/**
 * Which users changed since a uSNChanged, without reading every user: what a DC's USN index gives a
 * DirSync (delta) search. A users record made by a replicated change (touch, createUser) remembers,
 * beside it, the change it was made by, chained to the changes before it; a local note (note) keeps
 * the chain as it is. A delta import then walks the changes since its watermark (as many as there
 * were changes) instead of the whole directory.
 *
 * The chain is a side index, never part of the state: it is kept in a WeakMap keyed by the users
 * record (a record is never changed once made, so what is known of it stays true), and its links
 * are immutable. A record the index does not know (made by another writer, restored from a
 * snapshot) answers undefined, and the caller reads every user as before; the next replicated change
 * starts a new chain from it. Pure.
 */
import type { AdUser } from './directory';

type Users = Readonly<Record<string, AdUser>>;

/** Where a chain starts: the record's keys in their order, and its highest uSNChanged. */
interface Root {
  order: ReadonlyMap<string, number>;
  /** Every user in the root record has a uSNChanged at most this. */
  base: number;
}

/** One replicated change, newest first. */
interface Link {
  key: string;
  usn: number;
  prev: Link | undefined;
}

interface Version {
  root: Root;
  head: Link | undefined;
  /** Keys added since the root, with their position after the root's keys. */
  added: ReadonlyMap<string, number>;
}

const VERSIONS = new WeakMap<Users, Version>();

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A key an object lists before its other keys (an array index): the record's order would no longer
 * be the order keys were added in.
 */
function indexLike(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
}

function rootOf(users: Users): Version | undefined {
  const order = new Map<string, number>();
  let base = Number.NEGATIVE_INFINITY;
  for (const k in users) {
    if (indexLike(k)) return undefined;
    order.set(k, order.size);
    base = Math.max(base, (users[k] as AdUser).usnChanged);
  }
  return { root: { order, base }, head: undefined, added: new Map() };
}

/**
 * Remembers that `after` is `before` with the user at `key` changed: by a replicated change that
 * gave it uSNChanged `usn`, or (usn undefined) by a local note that left its uSNChanged alone.
 */
export function recordUserChange(before: Users, after: Users, key: string, usn: number | undefined): void {
  const v = VERSIONS.get(before);
  if (usn === undefined) {
    // A note keeps the chain, as long as it only rewrote a known user and left its uSNChanged.
    if (v && has(before, key) && after[key]?.usnChanged === before[key]?.usnChanged) VERSIONS.set(after, v);
    return;
  }
  const from = v ?? rootOf(before);
  if (!from || usn <= from.root.base || (from.head && usn <= from.head.usn)) return;
  let added = from.added;
  if (!has(before, key)) {
    if (indexLike(key)) return;
    added = new Map(added).set(key, from.root.order.size + added.size);
  }
  VERSIONS.set(after, { root: from.root, head: { key, usn, prev: from.head }, added });
}

/**
 * The users whose uSNChanged is above `since`, in the record's order (as reading it would list
 * them); undefined when the index cannot tell (the caller reads every user).
 */
export function usersChangedSince(users: Users, since: number): AdUser[] | undefined {
  const v = VERSIONS.get(users);
  if (!v || since < v.root.base) return undefined;
  const keys = new Set<string>();
  for (let l = v.head; l && l.usn > since; l = l.prev) keys.add(l.key);
  const found: [number, AdUser][] = [];
  for (const k of keys) {
    const u = has(users, k) ? users[k] : undefined;
    const at = v.root.order.get(k) ?? v.added.get(k);
    if (!u || at === undefined) return undefined;
    if (u.usnChanged > since) found.push([at, u]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, u]) => u);
}
