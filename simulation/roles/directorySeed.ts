/**
 * The lab's domain as it starts: the definition's OUs, groups, users and computers, with the SIDs,
 * GUIDs and uSNs a real domain would have given them (seeded, so every run of a lab is the same).
 */
import type { Ace } from '../core/directoryTypes';
import { nextGuid, nextInt, seedFrom } from '../core/random';
import type { LabDefinition } from '../core/definition';
import {
  isProtectedGroup,
  key,
  newAccountState,
  userDn,
  type AdComputer,
  type AdGroup,
  type AdOu,
  type AdUser,
  type DirectoryState,
} from './directory';

export function initialDirectory(def: LabDefinition, seed: number, now: number): DirectoryState {
  let rng = seedFrom(seed, 'directory');
  const guid = () => {
    const [g, r] = nextGuid(rng);
    rng = r;
    return g;
  };
  const d = def.domain;
  const [sidA, r1] = nextInt(rng, 1_000_000_000, 4_000_000_000);
  const [sidB, r2] = nextInt(r1, 1_000_000_000, 4_000_000_000);
  const [sidC, r3] = nextInt(r2, 100_000_000, 999_999_999);
  rng = r3;
  const domainSid = `S-1-5-21-${sidA}-${sidB}-${sidC}`;
  let nextRid = 1103;
  const ous: Record<string, AdOu> = {};
  for (const o of def.ous)
    ous[key(o.dn)] = { dn: o.dn, name: o.name, description: o.description, inheritanceBlocked: false };
  const groups: Record<string, AdGroup> = {};
  let usn = 12000;
  for (const g of def.groups) {
    groups[key(g.name)] = {
      name: g.name,
      dn: g.dn,
      scope: g.scope,
      description: g.description,
      guid: guid(),
      usnChanged: ++usn,
    };
  }
  groups.administrators = {
    name: 'Administrators',
    dn: `CN=Administrators,CN=Builtin,${d.dn}`,
    scope: 'DomainLocal',
    guid: guid(),
    usnChanged: ++usn,
  };
  const users: Record<string, AdUser> = {};
  for (const u of def.users) {
    const cn = u.displayName;
    const memberOf =
      u.sam.toLowerCase() === 'administrator' ? [...u.groups, 'Administrators'] : [...u.groups];
    const protectedMember = memberOf.some(isProtectedGroup);
    const rid = u.sam.toLowerCase() === 'administrator' ? 500 : nextRid++;
    users[key(u.sam)] = {
      guid: guid(),
      sid: `${domainSid}-${rid}`,
      sam: u.sam,
      upn: `${u.sam}@${d.fqdn}`,
      dn: userDn(cn, u.ou),
      cn,
      parent: u.ou,
      givenName: u.givenName,
      surname: u.surname,
      displayName: u.displayName,
      enabled: u.enabled,
      password: u.password,
      history: [],
      pwdLastSet: now - u.passwordAgeDays * 86_400_000,
      passwordNeverExpires: u.passwordNeverExpires ?? false,
      cannotChangePassword: false,
      badPwdCount: 0,
      badPasswordTime: 0,
      lockoutTime: 0,
      adminCount: protectedMember ? 1 : 0,
      memberOf,
      mail: u.mail,
      mobile: u.mobile,
      title: u.title,
      department: u.department,
      lastLogon: 0,
      logonCount: 0,
      whenCreated: now - 120 * 86_400_000,
      whenChanged: now - u.passwordAgeDays * 86_400_000,
      usnChanged: ++usn,
      inheritanceDisabled: protectedMember,
    };
  }
  const computers: Record<string, AdComputer> = {};
  for (const h of def.hosts) {
    computers[key(h.hostname)] = {
      name: h.hostname,
      dn: `CN=${h.hostname},${h.ou}`,
      parent: h.ou,
      guid: guid(),
      enabled: true,
      dnsHostName: `${h.hostname.toLowerCase()}.${d.fqdn}`,
      os: h.os.replace(/^Microsoft /, ''),
      machineSecret: 1,
    };
  }
  const acl: Ace[] = [
    // Default: every user may change their own password (SELF / Everyone "Change password").
    { trustee: 'Everyone', right: 'Change Password', on: d.dn, appliesTo: 'descendant-users', allow: true },
    {
      trustee: 'Domain Controllers',
      right: 'Replicating Directory Changes',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    },
    {
      trustee: 'Domain Controllers',
      right: 'Replicating Directory Changes All',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    },
    {
      trustee: 'Administrators',
      right: 'Reset Password',
      on: d.dn,
      appliesTo: 'this-and-descendants',
      allow: true,
    },
    {
      trustee: 'Domain Admins',
      right: 'Reset Password',
      on: d.dn,
      appliesTo: 'this-and-descendants',
      allow: true,
    },
  ];
  // The AD DS connector account Entra Connect created at installation, with its permissions.
  const c = def.connect;
  const msolSam = c.connectorAccount.user;
  users[key(msolSam)] = {
    guid: guid(),
    sid: `${domainSid}-${nextRid++}`,
    sam: msolSam,
    upn: `${msolSam}@${d.fqdn}`,
    dn: userDn(msolSam, `CN=Users,${d.dn}`),
    cn: msolSam,
    parent: `CN=Users,${d.dn}`,
    givenName: '',
    surname: '',
    displayName: msolSam,
    enabled: true,
    password: c.connectorAccount.password,
    history: [],
    pwdLastSet: now - 30 * 86_400_000,
    passwordNeverExpires: true,
    ...newAccountState(),
    whenCreated: now - 30 * 86_400_000,
    whenChanged: now - 30 * 86_400_000,
    usnChanged: ++usn,
    inheritanceDisabled: false,
    description:
      'Account created by Microsoft Azure Active Directory Connect with installation identifier 3f9c2a1b7d444c6e8d2f running on computer SYNC01 configured to synchronize to tenant everestitt.onmicrosoft.com. This account must have directory replication permissions in the local Active Directory and write permission on certain attributes to enable Hybrid Deployment.',
  };
  if (c.permissions.passwordHashSync) {
    acl.push({
      trustee: msolSam,
      right: 'Replicating Directory Changes',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    });
    acl.push({
      trustee: msolSam,
      right: 'Replicating Directory Changes All',
      on: d.dn,
      appliesTo: 'this',
      allow: true,
    });
  }
  if (c.permissions.passwordWriteback) {
    for (const right of [
      'Reset Password',
      'Change Password',
      'Write lockoutTime',
      'Write pwdLastSet',
    ] as const) {
      acl.push({ trustee: msolSam, right, on: d.dn, appliesTo: 'descendant-users', allow: true });
    }
    acl.push({
      trustee: msolSam,
      right: 'Unexpire Password',
      on: d.dn,
      appliesTo: 'this-and-descendants',
      allow: true,
    });
  }
  return {
    domainDn: d.dn,
    domainSid,
    nextRid: nextRid + 100,
    fqdn: d.fqdn,
    netbios: d.netbios,
    usn,
    users,
    computers,
    groups,
    ous,
    acl,
    policy: { ...def.passwordPolicy },
    rng,
  };
}
