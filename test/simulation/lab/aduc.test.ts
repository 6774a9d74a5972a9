/**
 * Active Directory Users and Computers on DC01: what the console shows (tree, columns, a user's
 * properties) and what its dialogs do. Every change goes to the DC as a directory request, so the
 * lab's truth, the Security log and the PCs' sign-ins follow as they do for the console cmdlets.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../simulation/facade/lab';
import type { AducUserView } from '../../../simulation/lab/aducView';
import { parseAction } from '../../../simulation/scenarios/actions';
import { resolveAction } from '../../../simulation/scenarios/actionResolve';
import { describeCommand } from '../../../simulation/scenarios/describe';
import type { LabCommand } from '../../../simulation/lab/commands';
import { ADUC_TEXT } from '../../../simulation/tools/aduc';
import { SIGNIN_TEXT } from '../../../simulation/windows/messages';
import { must, newLab, signIn } from '../../harness';
import { appLog, ids } from '../faults/faultHarness';

const DOMAIN = 'DC=laborhub,DC=store';
const STAFF = `OU=Staff,OU=LaborHub,${DOMAIN}`;
const OLD = 'Welcome@2026';
const POLICY_MESSAGE =
  'Windows cannot complete the password change for Michael Brown because:\nThe password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.';

function aduc(lab: Lab, action: Record<string, unknown>): void {
  must(lab, { type: 'aduc.action', host: 'dc01', action });
}

function michael(lab: Lab): AducUserView {
  const u = lab.learnerView().aduc?.users.find((x) => x.sam === 'michael.brown');
  if (!u) throw new Error('Michael is not in the ADUC view');
  return u;
}

/** Michael's account as the DC holds it (truth). */
function adMichael(lab: Lab) {
  const u = lab.truth().hosts.dc01?.roles.directory?.users['michael.brown'];
  if (!u) throw new Error('no michael.brown in AD');
  return u;
}

const lastResult = (lab: Lab) => lab.learnerView().aduc?.lastResult;
const pc2 = (lab: Lab) => lab.learnerView().desktops.pc2;

function lockOut(lab: Lab, tries = 5): void {
  for (let i = 0; i < tries; i++)
    must(lab, { type: 'desktop.signIn', host: 'pc2', user: 'michael.brown', password: 'wrong' });
}

describe('the ADUC view', () => {
  it('shows the domain tree as the console does (no System container without Advanced Features)', () => {
    const view = newLab().learnerView().aduc;
    expect(view?.available).toBe(true);
    expect(view?.title).toBe('Active Directory Users and Computers [DC01.laborhub.store]');
    expect(view?.containers.map((c) => c.name)).toEqual([
      'laborhub.store',
      'Builtin',
      'Computers',
      'Domain Controllers',
      'LaborHub',
      'Groups',
      'IT',
      'Servers',
      'Staff',
      'Workstations',
      'Users',
    ]);
    const root = view?.containers[0];
    expect(root?.objects.map((o) => [o.name, o.type])).toEqual([
      ['Builtin', 'builtinDomain'],
      ['Computers', 'Container'],
      ['Domain Controllers', 'Organizational Unit'],
      ['LaborHub', 'Organizational Unit'],
      ['Users', 'Container'],
    ]);
  });

  it('lists Michael Brown under LaborHub > Staff with Name, Type and Description', () => {
    const view = newLab().learnerView().aduc;
    const staff = view?.containers.find((c) => c.dn === STAFF);
    expect(staff?.parent).toBe(`OU=LaborHub,${DOMAIN}`);
    expect(staff?.objects.map((o) => o.name)).toEqual([
      'Emma Wilson',
      'James Carter',
      'Michael Brown',
      'Olivia Martinez',
    ]);
    expect(staff?.objects.find((o) => o.name === 'Michael Brown')).toEqual({
      dn: `CN=Michael Brown,${STAFF}`,
      kind: 'user',
      name: 'Michael Brown',
      type: 'User',
      description: '',
    });
    const groups = view?.containers.find((c) => c.name === 'Groups')?.objects;
    expect(groups?.find((o) => o.name === 'Sales')).toMatchObject({
      type: 'Security Group - Global',
      description: 'Sales team',
    });
    const users = view?.containers.find((c) => c.name === 'Users')?.objects;
    expect(users?.find((o) => o.name === 'Enterprise Admins')?.type).toBe('Security Group - Universal');
    const dcs = view?.containers.find((c) => c.name === 'Domain Controllers')?.objects;
    expect(dcs?.map((o) => [o.name, o.type])).toEqual([['DC01', 'Computer']]);
  });

  it("shows Michael's General, Account and Member Of tabs", () => {
    const u = michael(newLab());
    expect(u.general).toEqual({
      firstName: 'Michael',
      lastName: 'Brown',
      displayName: 'Michael Brown',
      description: '',
      email: 'michael.brown@laborhub.store',
    });
    expect(u.account).toEqual({
      logonName: 'michael.brown@laborhub.store',
      logonPrefix: 'michael.brown',
      upnSuffix: '@laborhub.store',
      preWindows2000: 'LABORHUB\\michael.brown',
      lockedOut: false,
      unlockText: 'Unlock account',
      lockoutStatus: 'Account Lockout Status on this Domain Controller: Unlocked',
      mustChange: false,
      cannotChange: false,
      neverExpires: false,
      disabled: false,
    });
    expect(u.memberOf).toEqual([
      { name: 'Domain Users', folder: 'laborhub.store/Users' },
      { name: 'Sales', folder: 'laborhub.store/LaborHub/Groups' },
      { name: 'SSPR Users', folder: 'laborhub.store/LaborHub/Groups' },
    ]);
    expect(u.primaryGroup).toBe('Domain Users');
  });
});

describe('when Michael locks himself out on PC2', () => {
  it('four bad sign-ins do not lock (threshold 5); the fifth does, and ADUC says so', () => {
    const lab = newLab();
    expect(lab.definition.passwordPolicy.lockoutThreshold).toBe(5);
    lockOut(lab, 4);
    expect(michael(lab).account.lockedOut).toBe(false);
    lockOut(lab, 1);
    expect(pc2(lab)?.message).toBe(SIGNIN_TEXT.badPassword);
    const account = michael(lab).account;
    expect(account.lockedOut).toBe(true);
    expect(account.unlockText).toBe(
      'Unlock account. This account is currently locked out on this Active Directory Domain Controller.',
    );
    expect(account.lockoutStatus).toBe('Account Lockout Status on this Domain Controller: Locked out');
  });

  it('Unlock account clears the lockout on the DC (no message box, 4767 logged) and PC2 signs him in', () => {
    const lab = newLab();
    lockOut(lab);
    expect(adMichael(lab).lockoutTime).toBeGreaterThan(0);
    const t0 = lab.now();
    aduc(lab, { type: 'unlock', user: 'michael.brown' });
    expect(adMichael(lab).lockoutTime).toBe(0);
    expect(adMichael(lab).badPwdCount).toBe(0);
    expect(lastResult(lab)).toMatchObject({ ok: true });
    expect(lastResult(lab)?.message).toBeUndefined();
    expect(michael(lab).account.lockedOut).toBe(false);
    expect(ids(appLog(lab, 'dc01', t0, 'Security'))).toContain(4767);
    signIn(lab, 'pc2', 'michael.brown', OLD);
    expect(pc2(lab)?.screen).toBe('desktop');
  });
});

describe('Reset Password…', () => {
  it('a short, simple password gives the policy message and changes nothing', () => {
    const lab = newLab();
    const before = adMichael(lab);
    const t0 = lab.now();
    aduc(lab, {
      type: 'resetPassword',
      user: 'michael.brown',
      password: 'abc',
      confirm: 'abc',
      mustChange: true,
      unlock: false,
    });
    expect(lastResult(lab)).toMatchObject({ ok: false, title: ADUC_TEXT.title, message: POLICY_MESSAGE });
    expect(adMichael(lab).password).toBe(OLD);
    expect(adMichael(lab).pwdLastSet).toBe(before.pwdLastSet);
    const failures = appLog(lab, 'dc01', t0, 'Security').filter((e) => e.eventId === 4724);
    expect(failures.map((e) => e.level)).toEqual(['Audit Failure']);
  });

  it('passwords that do not match are refused by the dialog before anything reaches the DC', () => {
    const lab = newLab();
    const t0 = lab.now();
    aduc(lab, {
      type: 'resetPassword',
      user: 'michael.brown',
      password: 'Temp#Pass2026',
      confirm: 'Temp#Pass2027',
    });
    expect(lastResult(lab)).toMatchObject({
      ok: false,
      message: 'The passwords do not match. Type the password again.',
    });
    expect(adMichael(lab).password).toBe(OLD);
    expect(ids(appLog(lab, 'dc01', t0, 'Security'))).not.toContain(4724);
  });

  it('a good password is set; with "must change" PC2 asks for a change at the next sign-in', () => {
    const lab = newLab();
    const t0 = lab.now();
    aduc(lab, {
      type: 'resetPassword',
      user: 'michael.brown',
      password: 'Temp#Pass2026',
      confirm: 'Temp#Pass2026',
      mustChange: true,
      unlock: false,
    });
    expect(lastResult(lab)).toMatchObject({
      ok: true,
      title: 'Active Directory Domain Services',
      message: 'The password for Michael Brown has been changed.',
    });
    expect(adMichael(lab).password).toBe('Temp#Pass2026');
    expect(adMichael(lab).pwdLastSet).toBe(0);
    expect(adMichael(lab).history[0]).toBe(OLD);
    expect(michael(lab).account.mustChange).toBe(true);
    expect(ids(appLog(lab, 'dc01', t0, 'Security'))).toEqual(expect.arrayContaining([4724, 4738]));
    signIn(lab, 'pc2', 'michael.brown', 'Temp#Pass2026');
    expect(pc2(lab)?.message).toBe("The user's password must be changed before signing in.");
    expect(JSON.stringify(lab.learnerView())).not.toContain('Temp#Pass2026');
  });

  it('"Unlock the user\'s account" in the same dialog unlocks a locked-out account', () => {
    const lab = newLab();
    lockOut(lab);
    aduc(lab, {
      type: 'resetPassword',
      user: 'michael.brown',
      password: 'Temp#Pass2026',
      confirm: 'Temp#Pass2026',
      mustChange: false,
      unlock: true,
    });
    expect(adMichael(lab).lockoutTime).toBe(0);
    expect(adMichael(lab).pwdLastSet).toBe(lab.now());
    signIn(lab, 'pc2', 'michael.brown', 'Temp#Pass2026');
    expect(pc2(lab)?.screen).toBe('desktop');
  });
});

describe('Account options', () => {
  it('"Account is disabled" stops PC2 sign-in with the disabled message; clearing it lets him in', () => {
    const lab = newLab();
    const t0 = lab.now();
    aduc(lab, { type: 'setAccountOptions', user: 'michael.brown', disabled: true });
    expect(adMichael(lab).enabled).toBe(false);
    expect(michael(lab).account.disabled).toBe(true);
    const staff = lab.learnerView().aduc?.containers.find((c) => c.dn === STAFF);
    expect(staff?.objects.find((o) => o.name === 'Michael Brown')?.disabled).toBe(true);
    expect(ids(appLog(lab, 'dc01', t0, 'Security'))).toEqual(expect.arrayContaining([4725, 4738]));
    signIn(lab, 'pc2', 'michael.brown', OLD);
    expect(pc2(lab)?.message).toBe('Your account has been disabled. Please see your system administrator.');
    aduc(lab, { type: 'setAccountOptions', user: 'michael.brown', disabled: false });
    signIn(lab, 'pc2', 'michael.brown', OLD);
    expect(pc2(lab)?.screen).toBe('desktop');
  });

  it('sets only the options given (password never expires, cannot change password)', () => {
    const lab = newLab();
    const pwdLastSet = adMichael(lab).pwdLastSet;
    aduc(lab, { type: 'setAccountOptions', user: 'michael.brown', neverExpires: true, cannotChange: true });
    expect(adMichael(lab)).toMatchObject({
      passwordNeverExpires: true,
      cannotChangePassword: true,
      enabled: true,
      pwdLastSet,
    });
    expect(michael(lab).account).toMatchObject({ neverExpires: true, cannotChange: true, mustChange: false });
    aduc(lab, { type: 'setAccountOptions', user: 'michael.brown', mustChange: true });
    expect(adMichael(lab).pwdLastSet).toBe(0);
  });
});

describe('Member Of', () => {
  it('Add… and Remove change the membership on the DC', () => {
    const lab = newLab();
    aduc(lab, { type: 'addToGroup', user: 'michael.brown', group: 'IT Staff' });
    expect(adMichael(lab).memberOf).toContain('IT Staff');
    expect(michael(lab).memberOf).toContainEqual({
      name: 'IT Staff',
      folder: 'laborhub.store/LaborHub/Groups',
    });
    aduc(lab, { type: 'removeFromGroup', user: 'michael.brown', group: 'Sales' });
    expect(adMichael(lab).memberOf).toEqual(['Domain Users', 'SSPR Users', 'IT Staff']);
    expect(lastResult(lab)).toMatchObject({ ok: true });
  });

  it('the primary group cannot be removed', () => {
    const lab = newLab();
    aduc(lab, { type: 'removeFromGroup', user: 'michael.brown', group: 'Domain Users' });
    expect(lastResult(lab)?.message).toBe(
      'The primary group cannot be removed. Set another group as primary if you want to remove this one.',
    );
    expect(adMichael(lab).memberOf).toContain('Domain Users');
  });

  it('a group that does not exist is reported and changes nothing', () => {
    const lab = newLab();
    aduc(lab, { type: 'addToGroup', user: 'michael.brown', group: 'Nope' });
    expect(lastResult(lab)).toMatchObject({ ok: false });
    expect(lastResult(lab)?.message).toContain('There is no such object on the server.');
    expect(adMichael(lab).memberOf).toEqual(['Domain Users', 'Sales', 'SSPR Users']);
  });
});

describe('the aduc.action command', () => {
  it.each([
    [{ host: 'pc2', action: { type: 'unlock', user: 'michael.brown' } }, /^aduc\.action\.host: /],
    [{ host: 'dc01', action: { type: 'unlock' } }, /^aduc\.action\.action\.user: /],
    [{ host: 'dc01', action: { type: 'unlock', user: '' } }, /^aduc\.action\.action\.user: /],
    [{ host: 'dc01', action: { type: 'explode', user: 'x' } }, /^aduc\.action\.action\.type: /],
    [
      { host: 'dc01', action: { type: 'resetPassword', user: 'michael.brown', password: 'x' } },
      /^aduc\.action\.action\.confirm: /,
    ],
    [
      { host: 'dc01', action: { type: 'setAccountOptions', user: 'michael.brown' } },
      /^aduc\.action\.action: expected at least one of "mustChange"/,
    ],
    [
      { host: 'dc01', action: { type: 'setAccountOptions', user: 'michael.brown', disabled: 'yes' } },
      /^aduc\.action\.action\.disabled: /,
    ],
  ])('refuses %j naming the field', (fields, error) => {
    const r = newLab().dispatchUnknown({ type: 'aduc.action', ...fields });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('keeps only the fields of the action in the journal', () => {
    const lab = newLab();
    must(lab, {
      type: 'aduc.action',
      host: 'dc01',
      extra: 1,
      action: { type: 'unlock', user: 'michael.brown', x: 2 },
    });
    expect(lab.journal().at(-1)?.command).toEqual({
      type: 'aduc.action',
      host: 'dc01',
      action: { type: 'unlock', user: 'michael.brown' },
    });
  });
});

describe('when AD DS is not running on DC01', () => {
  it('the console shows the naming-information error, and an action reaches nothing', () => {
    const lab = newLab();
    lockOut(lab);
    must(lab, { type: 'service.stop', host: 'dc01', service: 'NTDS' });
    const view = lab.learnerView().aduc;
    expect(view?.available).toBe(false);
    expect(view?.unavailableText).toBe(
      'Naming information cannot be located because: The specified domain either does not exist or could not be contacted.',
    );
    expect(view?.containers).toEqual([]);
    expect(view?.users).toEqual([]);
    aduc(lab, { type: 'unlock', user: 'michael.brown' });
    expect(lastResult(lab)).toMatchObject({ ok: false });
    expect(lastResult(lab)?.message).toContain('The server is not operational.');
    expect(adMichael(lab).lockoutTime).toBeGreaterThan(0);
  });

  it('and with DC01 turned off it is not available either', () => {
    const lab = newLab();
    must(lab, { type: 'host.power', host: 'dc01', on: false });
    expect(lab.learnerView().aduc?.available).toBe(false);
  });
});

describe('replay and the scenario syntax', () => {
  it('a journal with ADUC actions replays to the same state hash', () => {
    const lab = newLab({ seed: 7 });
    lockOut(lab);
    aduc(lab, { type: 'unlock', user: 'michael.brown' });
    aduc(lab, { type: 'resetPassword', user: 'emma.wilson', password: 'abc', confirm: 'abc' });
    aduc(lab, {
      type: 'resetPassword',
      user: 'emma.wilson',
      password: 'Temp#Pass2026',
      confirm: 'Temp#Pass2026',
      mustChange: true,
    });
    aduc(lab, { type: 'addToGroup', user: 'james.carter', group: 'SSPR Users' });
    aduc(lab, { type: 'setAccountOptions', user: 'olivia.martinez', disabled: true });
    must(lab, { type: 'clock.advance', ms: 60_000 });
    const again = Lab.replay(lab.definition, lab.seed, lab.journal());
    expect(again.stateHash()).toBe(lab.stateHash());
    expect(again.learnerView().aduc).toEqual(lab.learnerView().aduc);
  });

  it('"aduc <action> key=value…" becomes the lab command; the timeline masks passwords', () => {
    const lab = newLab();
    const parsed = parseAction(
      'aduc resetPassword user=michael.brown password="Temp#Pass2026" mustChange=true',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = resolveAction(parsed.action, lab.learnerView());
    expect(r).toEqual({
      ok: true,
      command: {
        type: 'aduc.action',
        host: 'dc01',
        action: {
          type: 'resetPassword',
          user: 'michael.brown',
          password: 'Temp#Pass2026',
          confirm: 'Temp#Pass2026',
          mustChange: true,
        },
      },
    });
    if (r.ok)
      expect(describeCommand(r.command as LabCommand, lab.definition)).toBe(
        'Active Directory Users and Computers: michael.brown > Reset Password (must change at next logon)',
      );
    expect(parseAction('aduc')).toMatchObject({ ok: false });
    expect(parseAction('aduc unlock michael.brown')).toMatchObject({ ok: false });
  });
});
