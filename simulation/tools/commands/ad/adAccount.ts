/**
 * Account cmdlets of the ActiveDirectory module: Unlock-ADAccount, Enable-/Disable-ADAccount,
 * Search-ADAccount (-LockedOut, -AccountDisabled, -PasswordExpired, -PasswordNeverExpires) and
 * Set-ADAccountPassword (-Reset, or a change with -OldPassword). The DC decides: its ACLs, its
 * password policy and the account's state give the errors printed here.
 */
import { cmdletSpec } from '../../catalog';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import type { Script } from '../../../proc/script';
import { AD_NS, adErrorRecord, adFailure, MSG, openAdws, type AdCmdlet } from './adClient';
import { secureStringArg, str } from './adValues';
import { adCmdlet, parameterSetError, IDENTITY_INPUT } from './adCmdlet';
import { checkSearchBase, inScope, propContext } from './adUser';
import { whatIf } from '../../shell/psError';
import { psDateValue, type PsValue } from '../../shell/psFormat';
import { listed } from '../../shell/psViews';
import type { CommandResult } from '../types';

const AD_ACCOUNT = `${AD_NS}.ADAccount`;

/** An ADAccount's default properties (what -PassThru writes). */
function accountRecord(u: UserRecord): [string, PsValue][] {
  return [
    ['DistinguishedName', u.dn],
    ['Enabled', u.enabled],
    ['Name', u.name],
    ['ObjectClass', 'user'],
    ['ObjectGUID', u.guid],
    ['SamAccountName', u.sam],
    ['SID', u.sid],
    ['UserPrincipalName', u.upn],
  ];
}

/** Finds the account, then does one change to it (unlock, enable, disable). */
function* accountChange(
  c: AdCmdlet,
  identity: string,
  server: string | undefined,
  flags: { whatIf: boolean; passThru: boolean },
  op: 'unlock' | 'enable' | 'disable',
): Script<CommandResult> {
  const s = yield* openAdws(c, server);
  if (!s.ok) return { lines: s.lines };
  const found = yield* s.session.call<UserRecord>({ op: 'getUser', identity }, identity);
  if (!found.ok) return { lines: found.lines };
  if (flags.whatIf) return { lines: whatIf('Set', found.value.dn) };
  const r =
    op === 'unlock'
      ? yield* s.session.call<unknown>({ op: 'unlock', identity }, identity)
      : yield* s.session.call<unknown>(
          { op: 'setUser', identity, patch: { enabled: op === 'enable' } },
          identity,
        );
  if (!r.ok) return { lines: r.lines };
  if (!flags.passThru) return { lines: [] };
  const after = yield* s.session.call<UserRecord>({ op: 'getUser', identity }, identity);
  return after.ok ? listed(AD_ACCOUNT, [accountRecord(after.value)]) : { lines: after.lines };
}

function accountCmdlet(name: string, className: string, op: 'unlock' | 'enable' | 'disable') {
  const def = adCmdlet(cmdletSpec(name), (env, v) => {
    const identity = str(v.Identity) ?? '';
    const c: AdCmdlet = { env, name, className, target: `${identity}:ADAccount` };
    const flags = { whatIf: v.WhatIf === true, passThru: v.PassThru === true };
    return () => accountChange(c, identity, str(v.Server), flags, op);
  });
  return { ...def, pipelineInput: IDENTITY_INPUT };
}

export const unlockAdAccount = accountCmdlet('Unlock-ADAccount', 'UnlockADAccount', 'unlock');
export const enableAdAccount = accountCmdlet('Enable-ADAccount', 'EnableADAccount', 'enable');
export const disableAdAccount = accountCmdlet('Disable-ADAccount', 'DisableADAccount', 'disable');

// --- Search-ADAccount ------------------------------------------------------------------------------

const searchSpec = cmdletSpec('Search-ADAccount');

const SEARCHES = {
  LockedOut: (u: UserRecord) => u.lockedOut,
  AccountDisabled: (u: UserRecord) => !u.enabled,
  PasswordExpired: (u: UserRecord) => u.passwordExpired,
  PasswordNeverExpires: (u: UserRecord) => u.passwordNeverExpires,
} as const;

function* searchScript(
  c: AdCmdlet,
  test: (u: UserRecord) => boolean,
  base: string | undefined,
  server?: string,
): Script<CommandResult> {
  const s = yield* openAdws(c, server);
  if (!s.ok) return { lines: s.lines };
  const bad = yield* checkSearchBase(c, s.session, base);
  if (bad) return { lines: bad };
  const r = yield* s.session.call<UserRecord[]>({ op: 'listUsers' });
  if (!r.ok) return { lines: r.lines };
  const offset = propContext(c.env).offsetMinutes;
  const hits = r.value.filter((u) => inScope(u.dn, u.parent, base, undefined) && test(u));
  return listed(
    AD_ACCOUNT,
    hits.map((u) => [
      ['AccountExpirationDate', ''],
      ['DistinguishedName', u.dn],
      ['Enabled', u.enabled],
      ['LastLogonDate', psDateValue(u.lastLogon, offset)],
      ['LockedOut', u.lockedOut],
      ['Name', u.name],
      ['ObjectClass', 'user'],
      ['ObjectGUID', u.guid],
      ['PasswordExpired', u.passwordExpired],
      ['PasswordNeverExpires', u.passwordNeverExpires],
      ['SamAccountName', u.sam],
      ['SID', u.sid],
      ['UserPrincipalName', u.upn],
    ]),
  );
}

export const searchAdAccount = adCmdlet(searchSpec, (env, v) => {
  const c: AdCmdlet = { env, name: 'Search-ADAccount', className: 'SearchADAccount' };
  const chosen = (Object.keys(SEARCHES) as (keyof typeof SEARCHES)[]).filter((k) => v[k] === true);
  if (chosen.length !== 1 || (v.UsersOnly === true && v.ComputersOnly === true)) return parameterSetError(c);
  const test = SEARCHES[chosen[0] as keyof typeof SEARCHES];
  // Computer accounts are never locked out, disabled or expired in the lab.
  const onlyComputers = v.ComputersOnly === true;
  return () => searchScript(c, (u) => !onlyComputers && test(u), str(v.SearchBase), str(v.Server));
});

// --- Set-ADAccountPassword ----------------------------------------------------------------------

const setPasswordSpec = cmdletSpec('Set-ADAccountPassword');

function* setPasswordScript(
  c: AdCmdlet,
  identity: string,
  newPassword: string,
  oldPassword: string | undefined,
  server: string | undefined,
  whatIfOnly: boolean,
): Script<CommandResult> {
  const s = yield* openAdws(c, server);
  if (!s.ok) return { lines: s.lines };
  const found = yield* s.session.call<UserRecord>({ op: 'getUser', identity }, identity);
  if (!found.ok) return { lines: found.lines };
  if (whatIfOnly) return { lines: whatIf('Set', found.value.dn) };
  const r = yield* s.session.call<unknown>(
    oldPassword === undefined
      ? { op: 'setPassword', identity, newPassword, mode: 'admin-reset' }
      : { op: 'setPassword', identity, newPassword, mode: 'change', oldPassword },
    identity,
  );
  if (r.ok) return { lines: [] };
  if (r.error === 'access-denied' || r.error === 'restricted-sam')
    return {
      lines: adErrorRecord(
        c,
        MSG.accessDenied,
        'PermissionDenied',
        'UnauthorizedAccessException',
        'ActiveDirectoryCmdlet:System.UnauthorizedAccessException',
      ),
    };
  return { lines: adFailure(c, r.error, identity) };
}

const setPasswordDef = adCmdlet(setPasswordSpec, (env, v) => {
  const identity = str(v.Identity) ?? '';
  const c: AdCmdlet = {
    env,
    name: 'Set-ADAccountPassword',
    className: 'SetADAccountPassword',
    target: `${identity}:ADAccount`,
  };
  if (v.Reset === true && v.OldPassword !== undefined) return parameterSetError(c);
  // Without -Reset, PowerShell asks for the current password when -OldPassword is missing.
  const next = secureStringArg(c, 'NewPassword', v.NewPassword);
  if (!next.ok) return next.lines;
  let old: string | undefined;
  if (v.Reset !== true) {
    const o = secureStringArg(c, 'OldPassword', v.OldPassword);
    if (!o.ok) return o.lines;
    old = o.value;
  }
  return () => setPasswordScript(c, identity, next.value, old, str(v.Server), v.WhatIf === true);
});
export const setAdAccountPassword = { ...setPasswordDef, pipelineInput: IDENTITY_INPUT };
