/**
 * Access checks on the directory as Windows evaluates them (explicit and inherited ACEs, blocked
 * inheritance, AdminSDHolder's protected objects, deny before allow), the trustees an account acts
 * as, and granting or revoking ACEs. Pure.
 */
import type { Ace, AdRight } from '../core/directoryTypes';
import { key, type AdUser, type DirectoryState } from './directory';

/** The chain of containers from a DN up to the domain root (nearest first). */
export function ancestors(dn: string, domainDn: string): string[] {
  const out: string[] = [];
  let rest = dn;
  while (key(rest) !== key(domainDn)) {
    const comma = rest.search(/,(?=(?:CN|OU|DC)=)/i);
    if (comma < 0) break;
    rest = rest.slice(comma + 1);
    out.push(rest);
  }
  return out;
}

/**
 * Whether `trustee` holds `right` on the object at `targetDn`, as Windows evaluates it: explicit
 * ACEs on the object, then inherited ones from each parent (descendant-user ACEs for users) up to
 * the domain root, stopping where inheritance is disabled; a protected object (adminCount=1) gets
 * only what AdminSDHolder grants, never the connector account's delegated rights. Deny wins.
 */
export function hasRight(
  dir: DirectoryState,
  trustees: string | readonly string[],
  right: AdRight,
  targetDn: string,
): boolean {
  const names = new Set((typeof trustees === 'string' ? [trustees] : trustees).map(key));
  const user = Object.values(dir.users).find((u) => key(u.dn) === key(targetDn));
  const relevant = (a: Ace) => names.has(key(a.trustee)) && a.right === right;
  const found: Ace[] = [];
  // Explicit ACEs on the object itself.
  found.push(
    ...dir.acl.filter(
      (a) => relevant(a) && key(a.on) === key(targetDn) && a.appliesTo !== 'descendant-users',
    ),
  );
  const protectedObject = user?.adminCount === 1;
  // AdminSDHolder's template gives the administrators' groups full control of protected objects.
  if (protectedObject && ['domain admins', 'enterprise admins', 'administrators'].some((g) => names.has(g)))
    return true;
  // The user class's default security descriptor lets Everyone change a password (knowing the old
  // one). It is explicit on every user object, so no inheritance block takes it away.
  if (user && right === 'Change Password' && names.has('everyone'))
    found.push({ trustee: 'Everyone', right, on: user.dn, appliesTo: 'this', allow: true });
  const blockedHere = user ? user.inheritanceDisabled || protectedObject : false;
  if (!blockedHere) {
    for (const parent of ancestors(targetDn, dir.domainDn)) {
      found.push(
        ...dir.acl.filter(
          (a) =>
            relevant(a) &&
            key(a.on) === key(parent) &&
            (a.appliesTo === 'this-and-descendants' || (a.appliesTo === 'descendant-users' && !!user)),
        ),
      );
      const ou = dir.ous[key(parent)];
      if (ou?.inheritanceBlocked) break;
    }
  }
  if (found.some((a) => !a.allow)) return false;
  return found.some((a) => a.allow);
}

/** The names an account acts as in access checks: itself, its groups, and the well-known ones. */
export function trusteesOf(user: AdUser): string[] {
  return [user.sam, ...user.memberOf, 'Everyone', 'Authenticated Users'];
}

export function isDomainAdmin(user: AdUser): boolean {
  return user.memberOf.some((g) => ['domain admins', 'enterprise admins', 'administrators'].includes(key(g)));
}

export function grant(dir: DirectoryState, aces: readonly Ace[]): DirectoryState {
  const same = (a: Ace, b: Ace) =>
    key(a.trustee) === key(b.trustee) &&
    a.right === b.right &&
    key(a.on) === key(b.on) &&
    a.appliesTo === b.appliesTo &&
    a.allow === b.allow;
  const acl = [...dir.acl];
  for (const a of aces) if (!acl.some((b) => same(a, b))) acl.push(a);
  return { ...dir, acl };
}

export function revoke(dir: DirectoryState, predicate: (a: Ace) => boolean): DirectoryState {
  return { ...dir, acl: dir.acl.filter((a) => !predicate(a)) };
}
