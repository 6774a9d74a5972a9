/**
 * Faults on the AD side of writeback and password hash sync: permissions of the connector account
 * (L9, L15, L20), protected accounts (L10), password policy (L11–L13), lockout (L14), SAM
 * restrictions (L16), and the AD connector's own settings (L23–L25). Symptoms: the SSPR portal, the
 * sync server's Application log (PasswordResetService, ADSync, Directory Synchronization events),
 * the DC's Security log, the PC2 sign-in screen; fixes by the routes the reference gives.
 */
import { describe, expect, it } from 'vitest';
import { customizeSync, must, signIn, wait } from '../../harness';
import type { Lab } from '../../../simulation/facade/lab';
import { HISTORY_PASSWORD } from '../../../simulation/faults/catalog';
import { appLog, holds, ids, inject, out, ssprAttempt, workingLab } from './faultHarness';

/** SSPR's "I know my password, but still can't sign in": unlock only, verified by SMS. */
function ssprUnlock(lab: Lab) {
  must(lab, { type: 'portal.sspr', action: { type: 'close' } });
  must(lab, { type: 'portal.sspr', action: { type: 'open' } });
  const start = lab.learnerView().browser.sspr;
  if (start.page !== 'userId') throw new Error('SSPR did not open');
  must(lab, {
    type: 'portal.sspr',
    action: {
      type: 'submitUser',
      userId: 'michael.brown@laborhub.store',
      captcha: start.captcha.toLowerCase(),
    },
  });
  must(lab, { type: 'portal.sspr', action: { type: 'chooseTrouble', option: 'unlock' } });
  must(lab, { type: 'portal.sspr', action: { type: 'chooseMethod', method: 'sms' } });
  must(lab, { type: 'portal.sspr', action: { type: 'sendSms', phone: '+1 4255550142' } });
  const code = lab.learnerView().phones['phone-michael']?.sms.at(-1)?.text.match(/\d{6}/)?.[0] ?? '';
  must(lab, { type: 'portal.sspr', action: { type: 'enterCode', code } });
  return lab.learnerView().browser.sspr;
}

const syncEvents = (lab: Lab, since: number) => appLog(lab, 'sync01', since);
const messages = (lab: Lab, since: number) =>
  syncEvents(lab, since)
    .map((e) => `${e.eventId} ${e.message}`)
    .join('\n');
const adPassword = (lab: Lab, sam = 'michael.brown') =>
  Object.values(lab.truth().hosts.dc01?.roles.directory?.users ?? {}).find((u) => u.sam === sam)?.password;

describe("L9 the connector account lacks Reset password on Michael's OU", () => {
  it('SSPR_0029 with 31003 and 33004 on SYNC01; Set-ADSyncPasswordWritebackPermissions fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L9');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0029' });
    expect(ids(syncEvents(lab, t0))).toEqual(expect.arrayContaining([31003, 33004]));
    expect(
      out(
        lab,
        'sync01',
        'Get-ADSyncObjectsWithInheritanceDisabled -SearchBase "OU=LaborHub,DC=laborhub,DC=store" -ObjectClass organizationalUnit',
      ),
    ).toContain('OU=Staff,OU=LaborHub,DC=laborhub,DC=store');
    const account = lab.truth().hosts.sync01?.adsync?.state.config?.connectorAccount.user ?? '';
    out(
      lab,
      'sync01',
      `Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountName "${account}" -ADConnectorAccountDomain "laborhub.store" -ADobjectDN "OU=Staff,OU=LaborHub,DC=laborhub,DC=store"`,
    );
    expect(holds(lab, 'L9')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });

  it('route 2: turn inheritance back on for the OU (dsacls /P:N)', () => {
    const lab = workingLab();
    inject(lab, 'L9');
    out(lab, 'dc01', 'dsacls "OU=Staff,OU=LaborHub,DC=laborhub,DC=store" /P:N', 'cmd');
    expect(holds(lab, 'L9')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L10 Michael is in Domain Admins (adminCount=1)', () => {
  it('SSPR_0029 and 33004; removing him from the group and clearing adminCount fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L10');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0029' });
    expect(ids(syncEvents(lab, t0))).toContain(33004);
    expect(out(lab, 'dc01', 'Get-ADUser michael.brown -Properties adminCount')).toMatch(/adminCount\s+: 1/);
    out(lab, 'dc01', 'Remove-ADGroupMember -Identity "Domain Admins" -Members michael.brown -Confirm:$false');
    out(lab, 'dc01', 'Set-ADUser michael.brown -Clear adminCount');
    // AdminSDHolder leaves inheritance off: turn it back on with dsacls /P:N.
    out(lab, 'dc01', 'dsacls "CN=Michael Brown,OU=Staff,OU=LaborHub,DC=laborhub,DC=store" /P:N');
    expect(holds(lab, 'L10')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L11 minimum password age 1 day, changed today', () => {
  it('the new-password page refuses with the on-premises policy text, 31003/33008, 6329 0x80230619, DC 4724 failure; waiting a day fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L11');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({
      page: 'newPassword',
      error:
        'This password does not meet the length, complexity, age or history requirements of your corporate password policy.',
    });
    expect(ids(syncEvents(lab, t0))).toEqual(expect.arrayContaining([31003, 33008, 6329]));
    expect(messages(lab, t0)).toContain('0x80230619');
    expect(ids(appLog(lab, 'dc01', t0, 'Security'))).toContain(4724);
    expect(out(lab, 'pc2', 'net accounts', 'cmd')).toMatch(/Minimum password age \(days\):\s+1/);
    wait(lab, '1d');
    expect(holds(lab, 'L11')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });

  it('route 2: Set-ADDefaultDomainPasswordPolicy -MinPasswordAge 0', () => {
    const lab = workingLab();
    inject(lab, 'L11');
    out(lab, 'dc01', 'Set-ADDefaultDomainPasswordPolicy -Identity laborhub.store -MinPasswordAge 0');
    expect(holds(lab, 'L11')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L12 the new password is in the history', () => {
  it('reusing a recent password is refused like L11; a new password works', () => {
    const lab = workingLab();
    inject(lab, 'L12');
    wait(lab, '3m'); // password hash sync carries the recent change to the cloud
    const t0 = lab.now();
    // Michael's favourite earlier password is in the history of 24.
    expect(ssprAttempt(lab, HISTORY_PASSWORD)).toMatchObject({
      page: 'newPassword',
      error:
        'This password does not meet the length, complexity, age or history requirements of your corporate password policy.',
    });
    expect(ids(syncEvents(lab, t0))).toContain(33008);
    expect(out(lab, 'dc01', 'Get-ADDefaultDomainPasswordPolicy')).toMatch(/PasswordHistoryCount\s+: 24/);
    expect(ssprAttempt(lab, 'Brand#New2026Pass')).toMatchObject({ page: 'done' });
    expect(holds(lab, 'L12')).toBe(false);
  });
});

describe('L13 minimum length 14 on-premises', () => {
  it('a 12-character password passes the cloud and fails AD; a 14-character one works', () => {
    const lab = workingLab();
    inject(lab, 'L13');
    const t0 = lab.now();
    expect(ssprAttempt(lab, 'Short#Pass26')).toMatchObject({ page: 'newPassword' });
    expect(ids(syncEvents(lab, t0))).toContain(33008);
    expect(out(lab, 'dc01', 'Get-ADDefaultDomainPasswordPolicy')).toMatch(/MinPasswordLength\s+: 14/);
    expect(ssprAttempt(lab, 'Longer#Password2026')).toMatchObject({ page: 'done' });
    expect(holds(lab, 'L13')).toBe(false);
  });
});

describe('L14 Michael is locked out on PC2', () => {
  it('PC2 says the account is locked out; an SSPR reset with writeback unlocks it', () => {
    const lab = workingLab();
    inject(lab, 'L14');
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(lab.learnerView().desktops.pc2?.message).toBe(
      'The referenced account is currently locked out and may not be logged on to.',
    );
    expect(out(lab, 'dc01', 'Get-ADUser michael.brown -Properties LockedOut')).toMatch(/LockedOut\s+: True/);
    must(lab, {
      type: 'portal.admin',
      action: { type: 'sspr.onPremises', writeback: true, allowUnlock: true },
    });
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
    expect(holds(lab, 'L14')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Spring#Reset2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });

  it('route 2: Unlock-ADAccount on the DC', () => {
    const lab = workingLab();
    inject(lab, 'L14');
    out(lab, 'dc01', 'Unlock-ADAccount -Identity michael.brown');
    expect(holds(lab, 'L14')).toBe(false);
    signIn(lab, 'pc2', 'michael.brown', 'Welcome@2026');
    expect(lab.learnerView().desktops.pc2?.screen).toBe('desktop');
  });

  it('route 3: SSPR "I know my password, but still can\'t sign in" (unlock only)', () => {
    const lab = workingLab();
    inject(lab, 'L14');
    must(lab, {
      type: 'portal.admin',
      action: { type: 'sspr.onPremises', writeback: true, allowUnlock: true },
    });
    must(lab, { type: 'portal.sspr', action: { type: 'open' } });
    const start = lab.learnerView().browser.sspr;
    if (start.page !== 'userId') throw new Error('SSPR did not open');
    must(lab, {
      type: 'portal.sspr',
      action: {
        type: 'submitUser',
        userId: 'michael.brown@laborhub.store',
        captcha: start.captcha.toLowerCase(),
      },
    });
    expect(lab.learnerView().browser.sspr.page).toBe('trouble');
    must(lab, { type: 'portal.sspr', action: { type: 'chooseTrouble', option: 'unlock' } });
    const verify = lab.learnerView().browser.sspr;
    expect(verify.page).toBe('verify');
    must(lab, { type: 'portal.sspr', action: { type: 'chooseMethod', method: 'sms' } });
    must(lab, { type: 'portal.sspr', action: { type: 'sendSms', phone: '+1 4255550142' } });
    const code = lab.learnerView().phones['phone-michael']?.sms.at(-1)?.text.match(/\d{6}/)?.[0] ?? '';
    must(lab, { type: 'portal.sspr', action: { type: 'enterCode', code } });
    expect(lab.learnerView().browser.sspr).toMatchObject({ page: 'done' });
    expect(
      lab.learnerView().adminCenter.audit.some((a) => a.activity === 'Unlock user account (self-service)'),
    ).toBe(true);
    expect(holds(lab, 'L14')).toBe(false);
  });
});

describe('L16 RestrictRemoteSam on the DC', () => {
  it('SSPR_0029 with 33004 and 6329 ERROR_ACCESS_DENIED; removing the registry value fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L16');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error', code: 'SSPR_0029' });
    expect(ids(syncEvents(lab, t0))).toEqual(expect.arrayContaining([33004, 6329]));
    expect(messages(lab, t0)).toContain('Error Code: ERROR_ACCESS_DENIED');
    expect(
      out(
        lab,
        'dc01',
        'Get-ItemProperty HKLM:\\System\\CurrentControlSet\\Control\\Lsa -Name RestrictRemoteSam',
      ),
    ).toContain('O:BAG:BAD:(A;;RC;;;BA)');
    out(
      lab,
      'dc01',
      'Remove-ItemProperty -Path HKLM:\\System\\CurrentControlSet\\Control\\Lsa -Name RestrictRemoteSam',
    );
    expect(holds(lab, 'L16')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L20 the connector account lost Replicating Directory Changes All', () => {
  it('611 with RPC Error 8453 on SYNC01 and PHS stops; Set-ADSyncPasswordHashSyncPermissions fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L20');
    const t0 = lab.now();
    wait(lab, '5m');
    expect(ids(syncEvents(lab, t0))).toContain(611);
    expect(messages(lab, t0)).toContain('RPC Error 8453: Replication access was denied.');
    const account = lab.truth().hosts.sync01?.adsync?.state.config?.connectorAccount.user ?? '';
    out(
      lab,
      'sync01',
      `Set-ADSyncPasswordHashSyncPermissions -ADConnectorAccountName "${account}" -ADConnectorAccountDomain "laborhub.store"`,
    );
    expect(holds(lab, 'L20')).toBe(false);
    const t1 = lab.now() + 1;
    wait(lab, '5m');
    expect(ids(syncEvents(lab, t1))).not.toContain(611);
  });
});

describe('L23 the AD forest was re-added after writeback was enabled', () => {
  it('6329 with 0x8023061f; turning writeback off and on in the wizard fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L23');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error' });
    expect(messages(lab, t0)).toContain('0x8023061f');
    for (const enabled of [false, true]) {
      customizeSync(lab, { passwordWriteback: enabled });
      must(lab, { type: 'connect.wizard', action: { type: 'close' } });
    }
    wait(lab, '3m');
    expect(holds(lab, 'L23')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L24 the connector account password is longer than 256 characters', () => {
  it('reset fails with hr=800700CE; a shorter password in AD and in the connector fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L24');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error' });
    expect(messages(lab, t0)).toContain('hr=800700CE');
    const account = lab.truth().hosts.sync01?.adsync?.state.config?.connectorAccount.user ?? '';
    out(
      lab,
      'dc01',
      `Set-ADAccountPassword -Identity ${account} -Reset -NewPassword (ConvertTo-SecureString "Connector#Pass2026" -AsPlainText -Force)`,
    );
    must(lab, { type: 'syncmanager.connector', password: 'Connector#Pass2026' });
    expect(holds(lab, 'L24')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
    expect(adPassword(lab)).toBe('Spring#Reset2026');
  });
});

describe('L25 Sign and Encrypt LDAP Traffic is off on the AD connector', () => {
  it('6329 with 0x8023062C; ticking it in the connector and restarting ADSync fixes it', () => {
    const lab = workingLab();
    inject(lab, 'L25');
    wait(lab, '2m');
    const t0 = lab.now();
    expect(ssprAttempt(lab)).toMatchObject({ page: 'error' });
    expect(messages(lab, t0)).toContain('8023062C');
    expect(lab.learnerView().syncManager?.connectors[0]?.ldapSignAndEncrypt).toBe(false);
    must(lab, { type: 'syncmanager.connector', ldapSignAndEncrypt: true });
    expect(holds(lab, 'L25')).toBe(true); // the engine reads it at start
    must(lab, { type: 'service.restart', host: 'sync01', service: 'ADSync' });
    wait(lab, '3m');
    expect(holds(lab, 'L25')).toBe(false);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
  });
});

describe('L15 the connector account lacks Write lockoutTime', () => {
  it('unlock-only fails (SSPR_0029, 33004) while a reset works; adding the permission fixes unlock', () => {
    const lab = workingLab();
    inject(lab, 'L15');
    inject(lab, 'L14');
    const t0 = lab.now();
    expect(ssprUnlock(lab)).toMatchObject({ page: 'error', code: 'SSPR_0029' });
    expect(ids(syncEvents(lab, t0))).toContain(33004);
    expect(ssprAttempt(lab)).toMatchObject({ page: 'done' });
    expect(holds(lab, 'L15')).toBe(true);
    const account = lab.truth().hosts.sync01?.adsync?.state.config?.connectorAccount.user ?? '';
    out(
      lab,
      'sync01',
      `Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountName "${account}" -ADConnectorAccountDomain "laborhub.store" -ADobjectDN "OU=Staff,OU=LaborHub,DC=laborhub,DC=store"`,
    );
    expect(holds(lab, 'L15')).toBe(false);
    inject(lab, 'L14');
    expect(ssprUnlock(lab)).toMatchObject({ page: 'done' });
  });
});
