/**
 * New-ADUser (ActiveDirectory module). As the module does it (Microsoft Learn, New-ADUser,
 * -AccountPassword): the account is created first, disabled and without a password, in the Users
 * container unless -Path names another; then the password is set (a refused password leaves the
 * account created and disabled, with the policy error); then, when -Enabled $true asks for it, the
 * account is enabled ("An enabled account requires a password"). Without -SamAccountName the
 * name is used; without -UserPrincipalName the account has none.
 */
import { cmdletSpec } from '../../catalog';
import type { NewUserRequest } from '../../../net/directoryMessages';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import type { Script } from '../../../proc/script';
import { AD_NS, domainDnOf, openAdws, type AdCmdlet } from './adClient';
import { secureStringArg, str } from './adValues';
import { adCmdlet } from './adCmdlet';
import { whatIf } from '../../shell/psError';
import { listed } from '../../shell/psViews';
import type { CommandResult } from '../types';

/** The request New-ADUser sends, with the container and the enabled state settled. */
interface NewUser extends NewUserRequest {
  parent: string;
  enabled: boolean;
}

function* newUserScript(
  c: AdCmdlet,
  n: NewUser,
  server: string | undefined,
  flags: { whatIf: boolean; passThru: boolean },
): Script<CommandResult> {
  const dn = `CN=${n.name},${n.parent}`;
  if (flags.whatIf) return { lines: whatIf('New', dn) };
  const s = yield* openAdws(c, server);
  if (!s.ok) return { lines: s.lines };
  // 1. The object, disabled, without a password.
  const created = yield* s.session.call<UserRecord>({
    op: 'createUser',
    user: {
      sam: n.sam,
      name: n.name,
      parent: n.parent,
      upn: n.upn,
      givenName: n.givenName,
      surname: n.surname,
      displayName: n.displayName,
      description: n.description,
      enabled: false,
      passwordNeverExpires: n.passwordNeverExpires,
    },
  });
  if (!created.ok) return { lines: created.lines };
  // 2. The password, as a reset.
  if (n.password !== undefined) {
    const r = yield* s.session.call<unknown>({
      op: 'setPassword',
      identity: n.sam,
      newPassword: n.password,
      mode: 'admin-reset',
      mustChange: n.mustChange,
    });
    if (!r.ok) return { lines: r.lines };
  }
  // 3. Enabled, when asked.
  if (n.enabled) {
    const r = yield* s.session.call<unknown>({ op: 'setUser', identity: n.sam, patch: { enabled: true } });
    if (!r.ok) return { lines: r.lines };
  }
  if (!flags.passThru) return { lines: [] };
  const after = yield* s.session.call<UserRecord>({ op: 'getUser', identity: n.sam }, n.sam);
  if (!after.ok) return { lines: after.lines };
  const u = after.value;
  return listed(`${AD_NS}.ADUser`, [
    [
      ['DistinguishedName', u.dn],
      ['Enabled', u.enabled],
      ['GivenName', u.givenName],
      ['Name', u.name],
      ['ObjectClass', 'user'],
      ['ObjectGUID', u.guid],
      ['SamAccountName', u.sam],
      ['SID', u.sid],
      ['Surname', u.surname],
      ['UserPrincipalName', u.upn],
    ],
  ]);
}

export const newAdUser = adCmdlet(cmdletSpec('New-ADUser'), (env, v) => {
  const name = str(v.Name) ?? '';
  const parent = str(v.Path) ?? `CN=Users,${domainDnOf(env.host.domainFqdn)}`;
  const c: AdCmdlet = {
    env,
    name: 'New-ADUser',
    className: 'NewADUser',
    target: `CN=${name},${parent}:String`,
  };
  let password: string | undefined;
  if (v.AccountPassword !== undefined) {
    const p = secureStringArg(c, 'AccountPassword', v.AccountPassword);
    if (!p.ok) return p.lines;
    password = p.value;
  }
  const n: NewUser = {
    name,
    sam: str(v.SamAccountName) ?? name,
    parent,
    upn: str(v.UserPrincipalName),
    givenName: str(v.GivenName),
    surname: str(v.Surname),
    displayName: str(v.DisplayName),
    description: str(v.Description),
    password,
    enabled: v.Enabled === true,
    mustChange: v.ChangePasswordAtLogon === true ? true : undefined,
    passwordNeverExpires: v.PasswordNeverExpires === true ? true : undefined,
  };
  return () =>
    newUserScript(c, n, str(v.Server), { whatIf: v.WhatIf === true, passThru: v.PassThru === true });
});
