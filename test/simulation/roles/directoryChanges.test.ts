/**
 * The directory's change index (roles/directoryChanges.ts): a delta listUsers (changedSince) answers
 * from the changes since the watermark what the scan of every user answers, in the same order, for
 * every version of the directory (older ones included), as does listGroups changedSince for the
 * members of the groups it lists; it falls back to the scan when the index cannot tell.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { note, type AdUser, type DirectoryState } from '../../../simulation/roles/directory';
import {
  addToGroup,
  createUser,
  removeFromGroup,
  setUserAttributes,
} from '../../../simulation/roles/directoryAccounts';
import { membersOf, usersChangedSince } from '../../../simulation/roles/directoryChanges';
import { initialDirectory } from '../../../simulation/roles/directorySeed';
import { editAcl } from '../../../simulation/roles/directoryObjects';
import { readDirectory, userRecord } from '../../../simulation/roles/dcDirectoryReads';

const NOW = Date.UTC(2026, 2, 2, 8, 0, 0);

/** listUsers changedSince as it was written before the index: a scan of every user. */
function scan(dir: DirectoryState, since: number) {
  const result = [];
  for (const k in dir.users) {
    const u = dir.users[k] as AdUser;
    if (u.usnChanged > since) result.push(userRecord(dir, u, NOW));
  }
  return result;
}

/** listGroups changedSince's members as they were found before the index: a pass over every user. */
function scanGroups(dir: DirectoryState, since: number) {
  const wanted = Object.values(dir.groups).filter((g) => g.usnChanged > since);
  const members = new Map<string, string[]>();
  for (const g of wanted) {
    const list: string[] = [];
    members.set(g.name.toLowerCase(), list);
    members.set(g.name, list);
  }
  if (wanted.length > 0)
    for (const k in dir.users)
      for (const m of (dir.users[k] as AdUser).memberOf) {
        const list = members.get(m) ?? members.get(m.toLowerCase());
        if (list && list[list.length - 1] !== (dir.users[k] as AdUser).guid)
          list.push((dir.users[k] as AdUser).guid);
      }
  return wanted.map((g) => [g.name, members.get(g.name.toLowerCase()) ?? []]);
}

function listedGroups(dir: DirectoryState, since: number) {
  const r = readDirectory(dir, { op: 'listGroups', changedSince: since }, NOW).reply;
  return r?.kind === 'app.dir.response' && r.ok
    ? (r.result as { name: string; members: string[] }[]).map((g) => [g.name, g.members])
    : undefined;
}

function listed(dir: DirectoryState, since: number) {
  const r = readDirectory(dir, { op: 'listUsers', changedSince: since }, NOW).reply;
  return r?.kind === 'app.dir.response' && r.ok ? r.result : undefined;
}

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % n;
  };
}

describe('the directory change index', () => {
  it('answers a delta listUsers as the scan does, for every version, and is used', () => {
    const rand = lcg(7);
    let dir = initialDirectory(DEFAULT_LAB, 1, NOW);
    const versions: DirectoryState[] = [dir];
    const sams = () => Object.values(dir.users).map((u) => u.sam);
    let created = 0;
    for (let step = 0; step < 120; step++) {
      const pick = sams()[rand(sams().length)] as string;
      const now = NOW + step * 1000;
      switch (rand(6)) {
        case 0:
        case 1:
          dir = setUserAttributes(dir, pick, { title: `T${step}` }, now);
          break;
        case 2: {
          const u = dir.users[pick.toLowerCase()] as AdUser;
          dir = note(dir, u, { badPwdCount: u.badPwdCount + 1 });
          break;
        }
        case 3:
          dir = createUser(
            dir,
            { sam: `new.user${created++}`, cn: `New ${step}`, parent: `CN=Users,${dir.domainDn}` },
            now,
          );
          break;
        case 4: {
          const group = ['Sales', 'Domain Admins', 'Administrators'][rand(3)] as string;
          dir = rand(3) === 0 ? removeFromGroup(dir, group, pick, now) : addToGroup(dir, group, pick, now);
          break;
        }
        default:
          // A writer the index does not follow (the protected flag through an ACL edit).
          if (rand(4) === 0)
            dir = editAcl(dir, (dir.users[pick.toLowerCase()] as AdUser).dn, { protect: true });
          else dir = setUserAttributes(dir, pick, { mobile: `+1 ${step}` }, now);
      }
      versions.push(dir);
    }
    let answered = 0;
    for (const v of versions) {
      const usns = [...new Set(Object.values(v.users).map((u) => u.usnChanged))].sort((a, b) => a - b);
      for (const since of [0, ...usns.slice(-12), v.usn, v.usn + 5]) {
        expect(listed(v, since)).toEqual(scan(v, since));
        expect(listedGroups(v, since)).toEqual(scanGroups(v, since));
        if (usersChangedSince(v.users, since)) answered++;
      }
    }
    // Most of those answers came from the index, not the scan.
    expect(answered).toBeGreaterThan(versions.length * 5);
    expect(membersOf(dir.users, (m) => (m === 'Sales' ? 'sales' : undefined))?.get('sales')?.length).toBe(
      Object.values(dir.users).filter((u) => u.memberOf.includes('Sales')).length,
    );
  });

  it('walks only the changes since the watermark, in the order the record lists the users', () => {
    let dir = initialDirectory(DEFAULT_LAB, 1, NOW);
    const watermark = dir.usn;
    const [first, second] = Object.values(dir.users).slice(-2) as [AdUser, AdUser];
    dir = setUserAttributes(dir, second.sam, { title: 'A' }, NOW);
    dir = createUser(dir, { sam: 'zz.new', cn: 'ZZ New', parent: `CN=Users,${dir.domainDn}` }, NOW);
    dir = setUserAttributes(dir, first.sam, { title: 'B' }, NOW);
    expect(usersChangedSince(dir.users, watermark)?.map((u) => u.sam)).toEqual([
      first.sam,
      second.sam,
      'zz.new',
    ]);
    expect(usersChangedSince(dir.users, dir.usn)).toEqual([]);
    // The first user joins Sales after the others: the group still lists its members in the
    // record's order.
    const top = Object.values(dir.users)[0] as AdUser;
    const before = dir.usn;
    dir = addToGroup(dir, 'Sales', top.sam, NOW);
    const sales = listedGroups(dir, before)?.find(([name]) => name === 'Sales');
    expect(sales?.[1]).toEqual(scanGroups(dir, before).find(([name]) => name === 'Sales')?.[1]);
    expect(sales?.[1]?.[0]).toBe(top.guid);
    expect(sales?.[1]?.length).toBeGreaterThan(1);
  });

  it('keeps each line of versions apart when an older version is changed again (branches)', () => {
    const base = initialDirectory(DEFAULT_LAB, 1, NOW);
    const make = (dir: DirectoryState, sam: string) =>
      createUser(dir, { sam, cn: sam, parent: `CN=Users,${dir.domainDn}` }, NOW);
    const fork = make(make(base, 'fork.one'), 'fork.two');
    // Three lines from the same version, each adding users of its own, written in turns so each
    // appends after the others did.
    // The same user is created on two lines at different places in their order.
    let a = make(fork, 'line.a1');
    let b = make(make(fork, 'same.user'), 'line.b1');
    a = make(a, 'same.user');
    let c = setUserAttributes(fork, 'fork.one', { title: 'C' }, NOW);
    a = make(a, 'line.a2');
    b = make(setUserAttributes(b, 'fork.two', { title: 'B' }, NOW), 'line.b2');
    c = make(c, 'line.c1');
    a = setUserAttributes(make(a, 'line.a3'), 'line.a1', { title: 'A' }, NOW);
    const older = make(base, 'older.one');
    const versions = [base, fork, a, b, c, older, make(fork, 'fork.three'), make(a, 'line.a4')];
    for (const v of versions)
      for (const since of [base.usn, fork.usn, fork.usn + 1, fork.usn + 2, v.usn]) {
        const found = usersChangedSince(v.users, since);
        expect(found?.map((u) => u.sam)).toEqual(scan(v, since).map((u) => u.sam));
        expect(listed(v, since)).toEqual(scan(v, since));
      }
    expect(usersChangedSince(a.users, fork.usn)?.map((u) => u.sam)).toEqual([
      'line.a1',
      'same.user',
      'line.a2',
      'line.a3',
    ]);
    expect(usersChangedSince(b.users, fork.usn)?.map((u) => u.sam)).toEqual([
      'fork.two',
      'same.user',
      'line.b1',
      'line.b2',
    ]);
  });

  it("notes a read-made root's order and members at its first change, so the delta after it reads no whole record", () => {
    const dir = initialDirectory(DEFAULT_LAB, 1, NOW);
    const u = Object.values(dir.users)[0] as AdUser;
    // A users record that counts how often its keys are listed (for…in, spread, Object.keys).
    let listings = 0;
    const users = new Proxy(
      { ...dir.users },
      {
        ownKeys(target) {
          listings++;
          return Reflect.ownKeys(target);
        },
      },
    );
    const known = { ...dir, users };
    const highest = Math.max(...Object.values(dir.users).map((x) => x.usnChanged));
    // A read makes the record a root (the scheduler's or a console's read, before any change).
    expect(usersChangedSince(users, highest)).toEqual([]);
    const changed = setUserAttributes(known, u.sam, { title: 'D' }, NOW);
    listings = 0;
    expect(usersChangedSince(changed.users, known.usn)?.map((x) => x.sam)).toEqual([u.sam]);
    expect(listed(changed, known.usn)).toEqual(scan(changed, known.usn));
    // The delta's answers came from the changes: the root record was not listed again.
    expect(listings).toBe(0);
  });

  it('takes a record it does not know as a root: nothing changed since its highest uSN, else the scan', () => {
    let dir = initialDirectory(DEFAULT_LAB, 1, NOW);
    const u = Object.values(dir.users)[0] as AdUser;
    const copy = { ...dir, users: { ...dir.users } };
    const highest = Math.max(...Object.values(copy.users).map((x) => x.usnChanged));
    expect(usersChangedSince(copy.users, 0)).toBeUndefined();
    expect(usersChangedSince(copy.users, highest)).toEqual([]);
    dir = setUserAttributes(copy, u.sam, { title: 'C' }, NOW);
    expect(usersChangedSince(dir.users, copy.usn)?.map((x) => x.sam)).toEqual([u.sam]);
    // A watermark older than the record the index started from: the index cannot tell.
    expect(usersChangedSince(dir.users, 0)).toBeUndefined();
    expect(listed(dir, 0)).toEqual(scan(dir, 0));
  });
});
