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
 * snapshot) becomes the root of a chain when it is first read or changed: its highest uSNChanged
 * answers a watermark at or above it (nothing changed since), a watermark below it answers undefined
 * and the caller reads every user as before. Pure (a cache: the answers are those of the scan).
 */
/** What the index reads of a user (an AdUser; not imported, so roles/directory.ts may use this). */
interface Entry {
  readonly usnChanged: number;
  readonly memberOf: readonly string[];
}

type Users<U extends Entry = Entry> = Readonly<Record<string, U>>;

/** Where a chain starts: a users record and its highest uSNChanged. */
interface Root {
  users: Users;
  /** Every user in the root record has a uSNChanged at most this. */
  base: number;
  size: number;
  /** The root record's keys in their order, worked out once when first needed. */
  order?: Map<string, number>;
  /** The keys of the root's users that list each memberOf value, in the root's order (ditto). */
  members?: Map<string, string[]>;
}

/** One replicated change, newest first. */
interface Link {
  key: string;
  usn: number;
  prev: Link | undefined;
}

/**
 * The keys added since a root, with their position after the root's keys, shared by a line of
 * versions: a version sees the first `count` entries (those its own changes and its ancestors'
 * added). A version whose count is the table's size may append in place (its own next key is the
 * next entry); any other (an older version changed again: a branch) copies its part first. So N
 * users created in a row cost N, not N² (each creation copied the whole table before).
 */
interface Added {
  positions: Map<string, number>;
}

interface Version {
  root: Root;
  head: Link | undefined;
  added: Added;
  /** How many of `added`'s entries are this version's. */
  addedCount: number;
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

/**
 * A record as the start of a chain. A change (which copies the record anyway) also notes the keys'
 * order; a read leaves that for when a delta first needs it.
 */
function rootOf(users: Users, withOrder: boolean): Version | undefined {
  let base = Number.NEGATIVE_INFINITY;
  const order = withOrder ? new Map<string, number>() : undefined;
  let size = 0;
  for (const k in users) {
    if (indexLike(k)) return undefined;
    order?.set(k, size);
    size++;
    base = Math.max(base, (users[k] as Entry).usnChanged);
  }
  const root: Root = { users, base, size, order };
  if (withOrder) membersIn(root);
  return { root, head: undefined, added: { positions: new Map() }, addedCount: 0 };
}

function membersIn(root: Root): Map<string, string[]> {
  if (!root.members) {
    const members = new Map<string, string[]>();
    for (const k in root.users)
      for (const m of (root.users[k] as Entry).memberOf) {
        let keys = members.get(m);
        if (!keys) members.set(m, (keys = []));
        if (keys[keys.length - 1] !== k) keys.push(k);
      }
    root.members = members;
  }
  return root.members;
}

function positionIn(root: Root, k: string): number | undefined {
  if (!root.order) {
    const order = new Map<string, number>();
    for (const key in root.users) order.set(key, order.size);
    root.order = order;
  }
  return root.order.get(k);
}

/**
 * Remembers that `after` is `before` with the user at `key` changed: by a replicated change that
 * gave it uSNChanged `usn`, or (usn undefined) by a local note that left its uSNChanged alone.
 */
export function recordUserChange(before: Users, after: Users, key: string, usn: number | undefined): void {
  const v = VERSIONS.get(before);
  if (usn === undefined) {
    // A note keeps the chain, as long as it only rewrote a known user and left its uSNChanged and
    // its groups.
    const was = has(before, key) ? before[key] : undefined;
    const now = after[key];
    if (v && was && now?.usnChanged === was.usnChanged && now.memberOf === was.memberOf)
      VERSIONS.set(after, v);
    return;
  }
  const from = v ?? rootOf(before, true);
  if (!from || usn <= from.root.base || (from.head && usn <= from.head.usn)) return;
  // A root first made by a read has not noted its order and members yet: note them now, with the
  // change that copies the record anyway, so the delta that follows reads only what changed.
  if (!from.root.order) {
    positionIn(from.root, key);
    membersIn(from.root);
  }
  let added = from.added;
  let addedCount = from.addedCount;
  if (!has(before, key)) {
    if (indexLike(key)) return;
    if (added.positions.size !== addedCount) added = { positions: firstEntries(added.positions, addedCount) };
    added.positions.set(key, from.root.size + addedCount);
    addedCount++;
  }
  VERSIONS.set(after, { root: from.root, head: { key, usn, prev: from.head }, added, addedCount });
}

/** The first `n` entries of a map, as a new map (in their order). */
function firstEntries<K, V>(map: ReadonlyMap<K, V>, n: number): Map<K, V> {
  const out = new Map<K, V>();
  for (const [k, v] of map) {
    if (out.size === n) break;
    out.set(k, v);
  }
  return out;
}

/** Where a key of a version's record sits in its order: after the root's keys if added since. */
function positionOf(v: Version, k: string): number | undefined {
  const at = v.added.positions.get(k);
  if (at !== undefined && at < v.root.size + v.addedCount) return at;
  return positionIn(v.root, k);
}

/**
 * What the index knows of a record. A record made by another writer (or the directory as it
 * started) becomes a root, so a second question about it, or about the records its changes make,
 * needs no scan.
 */
function versionOf(users: Users): Version | undefined {
  let v = VERSIONS.get(users);
  if (!v) {
    v = rootOf(users, false);
    if (v) VERSIONS.set(users, v);
  }
  return v;
}

/**
 * The users whose uSNChanged is above `since`, in the record's order (as reading it would list
 * them); undefined when the index cannot tell (the caller reads every user).
 */
export function usersChangedSince<U extends Entry>(users: Users<U>, since: number): U[] | undefined {
  const v = versionOf(users);
  if (!v || since < v.root.base) return undefined;
  const keys = new Set<string>();
  for (let l = v.head; l && l.usn > since; l = l.prev) keys.add(l.key);
  const found: [number, U][] = [];
  for (const k of keys) {
    const u = has(users, k) ? users[k] : undefined;
    const at = positionOf(v, k);
    if (!u || at === undefined) return undefined;
    if (u.usnChanged > since) found.push([at, u]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, u]) => u);
}

/**
 * The users each list holds, as one pass over the users would fill them: `listOf` names the list a
 * memberOf value belongs to (or none); a user is in a list once however many of its values belong
 * to it, and each list is in the record's order. The root's members, less the users changed since
 * the root, plus those users as they are now: as many users as the lists hold and changes since the
 * root, not the whole directory. Undefined when the index cannot tell (the caller reads every user).
 */
export function membersOf<U extends Entry, L>(
  users: Users<U>,
  listOf: (memberOf: string) => L | undefined,
): Map<L, U[]> | undefined {
  const v = versionOf(users);
  if (!v) return undefined;
  const changed = new Set<string>();
  for (let l = v.head; l; l = l.prev) changed.add(l.key);
  const lists = new Map<L, Map<string, [number, U]>>();
  const add = (list: L, k: string, at: number, u: U) => {
    let found = lists.get(list);
    if (!found) lists.set(list, (found = new Map()));
    found.set(k, [at, u]);
  };
  for (const [m, keys] of membersIn(v.root)) {
    const list = listOf(m);
    if (list === undefined) continue;
    for (const k of keys) {
      if (changed.has(k)) continue;
      const u = has(users, k) ? users[k] : undefined;
      const at = positionIn(v.root, k);
      if (!u || at === undefined) return undefined;
      add(list, k, at, u);
    }
  }
  for (const k of changed) {
    const u = has(users, k) ? users[k] : undefined;
    const at = positionOf(v, k);
    if (!u || at === undefined) return undefined;
    for (const m of u.memberOf) {
      const list = listOf(m);
      if (list !== undefined) add(list, k, at, u);
    }
  }
  const result = new Map<L, U[]>();
  for (const [list, found] of lists)
    result.set(
      list,
      [...found.values()].sort((a, b) => a[0] - b[0]).map(([, u]) => u),
    );
  return result;
}
