/**
 * fast-check generators of journal commands, for the replay property tests: every kind a journal
 * holds, not only console lines and clock steps — the instructor's fault commands, the SSPR and
 * My Account pages, the admin center, ADUC, the PCs' sign-in screen, the phone, the Connect
 * wizard, the gateway and the Synchronization Service Manager. Values come from the lab's own
 * definition (its users, groups, licences, PCs), mixed with wrong ones (bad passwords, unknown
 * codes), so some commands succeed and some are refused, as a learner's are.
 */
import fc from 'fast-check';
import { HOUR } from '../../../simulation/core/time';
import type { LabDefinition } from '../../../simulation/core/definition';
import { FAULT_IDS } from '../../../simulation/faults/catalog';
import type { JournalCommand } from '../../../simulation/faults/commands';
import { TRIGGER_IDS } from '../../../simulation/faults/triggers';
import type { LabCommand } from '../../../simulation/lab/commands';

const LINES = [
  'ipconfig',
  'ipconfig /all',
  'ipconfig /release',
  'ipconfig /renew',
  'ping dc01',
  'ping 8.8.8.8',
  'nslookup dc01',
  'nslookup -type=SRV _ldap._tcp.dc._msdcs.laborhub.store',
  'hostname',
  'whoami',
  'Get-Service ADSync',
  'Start-Service ADSync',
  'Start-ADSyncSyncCycle -PolicyType Delta',
  'Get-ADUser michael.brown -Properties LockedOut',
  'w32tm /resync',
];

/** The kinds the generator draws from, so a test can say which it covers. */
export const COMMAND_FAMILIES = [
  'clock',
  'host',
  'console',
  'fault',
  'portal.sspr',
  'portal.myaccount',
  'portal.admin',
  'aduc',
  'desktop',
  'phone',
  'connect.wizard',
  'gateway',
  'syncmanager',
  'surface.view',
] as const;
export type CommandFamily = (typeof COMMAND_FAMILIES)[number];

export function familyOf(c: JournalCommand): CommandFamily {
  const t = c.type;
  if (t.startsWith('clock.')) return 'clock';
  if (t.startsWith('host.') || t.startsWith('service.') || t.startsWith('link.')) return 'host';
  if (t.startsWith('console.')) return 'console';
  if (t.startsWith('fault.')) return 'fault';
  if (t === 'portal.sspr' || t === 'portal.myaccount' || t === 'portal.admin' || t === 'connect.wizard')
    return t;
  if (t === 'aduc.action') return 'aduc';
  if (t.startsWith('desktop.')) return 'desktop';
  if (t.startsWith('phone.')) return 'phone';
  if (t === 'gateway.firewall') return 'gateway';
  if (t === 'syncmanager.connector') return 'syncmanager';
  if (t === 'surface.view') return 'surface.view';
  throw new Error(`no family for ${t}`);
}

/**
 * Journal commands for a lab with this definition. `faults: false` leaves out the instructor's
 * fault commands (a scenario learner cannot send them).
 */
export function journalCommand(def: LabDefinition, options: { faults?: boolean } = {}) {
  const hosts = def.hosts.map((h) => h.id);
  const pcs = def.hosts.filter((h) => h.kind === 'client').map((h) => h.id);
  const sams = def.users.map((u) => u.sam);
  const upns = sams.map((s) => `${s}@${def.domain.fqdn}`);
  const user = fc.constantFrom(...upns, ...sams, 'nobody@laborhub.store');
  const passwords = def.users.map((u) => u.password);
  const password = fc.constantFrom(...passwords, 'NewPass!2026word', 'short', 'Summer2026!');
  const groups = def.groups.map((g) => g.name);
  const group = fc.constantFrom(...groups, 'SSPR Pilot', 'No Such Group');
  const phone = fc.constantFrom(...def.phones.map((p) => p.id));
  const code = fc.stringMatching(/^\d{6}$/);
  const bool = fc.boolean();

  const lab = (weight: number, arbitrary: fc.Arbitrary<LabCommand>) => ({ weight, arbitrary });

  const ssprAction = fc.oneof(
    fc.record({ type: fc.constant('open' as const), userId: fc.option(user, { nil: undefined }) }),
    fc.constant({ type: 'close' as const }),
    fc.record({
      type: fc.constant('submitUser' as const),
      userId: user,
      captcha: fc.constantFrom('', 'X7KQ'),
    }),
    fc.record({ type: fc.constant('chooseTrouble' as const), option: fc.constantFrom('forgot', 'unlock') }),
    fc.record({
      type: fc.constant('chooseMethod' as const),
      method: fc.constantFrom('sms', 'authenticatorNotification', 'authenticatorCode', 'email'),
    }),
    fc.record({ type: fc.constant('sendSms' as const), phone: fc.constantFrom('0142', '4255550142') }),
    fc.record({ type: fc.constant('enterCode' as const), code }),
    fc.constant({ type: 'sendNotification' as const }),
    password.map((p) => ({ type: 'submitPassword' as const, password: p, confirm: p })),
  );

  const myAccountAction = fc.oneof(
    fc.constantFrom(
      { type: 'open' as const },
      { type: 'close' as const },
      { type: 'back' as const },
      { type: 'next' as const },
      { type: 'signOut' as const },
      { type: 'cancelAdd' as const },
      { type: 'authenticatorNext' as const },
    ),
    fc.record({ type: fc.constant('signIn' as const), upn: user, password }),
    fc.record({ type: fc.constant('submitUsername' as const), upn: user }),
    fc.record({ type: fc.constant('submitPassword' as const), password }),
    fc.record({ type: fc.constant('staySignedIn' as const), stay: bool }),
    fc.record({
      type: fc.constant('goto' as const),
      page: fc.constantFrom('home', 'securityInfo', 'changePassword'),
    }),
    fc.record({ type: fc.constant('addMethod' as const), method: fc.constantFrom('phone', 'authenticator') }),
    fc.record({
      type: fc.constant('setPhone' as const),
      phone: fc.constantFrom('4255550142', '123'),
      method: fc.constantFrom('sms' as const, 'call' as const),
    }),
    fc.record({ type: fc.constant('enterCode' as const), code }),
    fc
      .tuple(password, password)
      .map(([o, n]) => ({ type: 'changePassword' as const, oldPassword: o, newPassword: n, confirm: n })),
  );

  const adminAction = fc.oneof(
    fc.record({
      type: fc.constant('sspr.properties' as const),
      enabled: fc.constantFrom('None', 'Selected', 'All'),
      group: fc.option(group, { nil: undefined }),
    }),
    fc.record({
      type: fc.constant('sspr.authenticationMethods' as const),
      methodsRequired: fc.constantFrom(1 as const, 2 as const),
      methods: fc.record({ mobilePhone: bool, mobileAppNotification: bool, email: bool }),
    }),
    fc.record({ type: fc.constant('sspr.onPremises' as const), writeback: bool, allowUnlock: bool }),
    fc.record({
      type: fc.constant('sspr.registration' as const),
      requireOnSignIn: bool,
      reconfirmDays: fc.constantFrom(0, 180),
    }),
    fc.record({
      type: fc.constant('authMethods.policy' as const),
      method: fc.constantFrom('sms', 'microsoftAuthenticator', 'email'),
      enabled: bool,
    }),
    fc.record({
      type: fc.constant('user.license' as const),
      user,
      sku: fc.constantFrom(...def.tenant.licenses.map((l) => l.sku), 'NO_SUCH_SKU'),
      assigned: bool,
    }),
    fc.record({
      type: fc.constant('user.resetPassword' as const),
      user,
      password,
      forceChange: bool,
      portal: fc.constantFrom('entra', 'm365'),
    }),
    fc.record({ type: fc.constant('group.member' as const), group, user, add: bool }),
    fc.record({ type: fc.constant('authorizationPolicy' as const), allowedToUseSspr: bool }),
  );

  const wizardAction = fc.oneof(
    fc.constantFrom(
      { type: 'open' as const },
      { type: 'close' as const },
      { type: 'next' as const },
      { type: 'back' as const },
    ),
    fc.record({
      type: fc.constant('chooseTask' as const),
      task: fc.constantFrom('view', 'customize', 'staging', 'troubleshoot'),
    }),
    fc.record({
      type: fc.constant('setCredentials' as const),
      user: fc.constantFrom('admin@laborhub.onmicrosoft.com', `LABORHUB\\Administrator`),
      password,
    }),
    fc.record({
      type: fc.constant('setFeature' as const),
      feature: fc.constantFrom('passwordHashSync', 'passwordWriteback'),
      enabled: bool,
    }),
    fc.record({ type: fc.constant('setStaging' as const), enabled: bool }),
    fc.record({ type: fc.constant('setStartSync' as const), enabled: bool }),
  );

  const aducAction = fc.oneof(
    password.map((p) => ({
      type: 'resetPassword' as const,
      user: 'michael.brown',
      password: p,
      confirm: p,
      mustChange: false,
      unlock: true,
    })),
    fc.record({ type: fc.constant('unlock' as const), user: fc.constantFrom(...sams) }),
    fc.record({
      type: fc.constant('setAccountOptions' as const),
      user: fc.constantFrom(...sams),
      mustChange: bool,
      disabled: bool,
    }),
    fc.record({
      type: fc.constantFrom('addToGroup' as const, 'removeFromGroup' as const),
      user: fc.constantFrom(...sams),
      group,
    }),
  );

  const learner: { weight: number; arbitrary: fc.Arbitrary<JournalCommand> }[] = [
    lab(
      3,
      fc.integer({ min: 0, max: 2 * HOUR }).map((ms) => ({ type: 'clock.advance' as const, ms })),
    ),
    lab(1, fc.constant({ type: 'clock.next' as const })),
    lab(
      1,
      fc.record({
        type: fc.constantFrom('service.stop' as const, 'service.start' as const, 'service.restart' as const),
        host: fc.constantFrom('dc01', 'sync01'),
        service: fc.constantFrom('DHCPServer', 'DNS', 'NTDS', 'W32Time', 'ADSync'),
      }),
    ),
    lab(1, fc.record({ type: fc.constant('host.restart' as const), host: fc.constantFrom(...hosts) })),
    lab(1, fc.record({ type: fc.constant('host.power' as const), host: fc.constantFrom(...pcs), on: bool })),
    lab(
      1,
      fc.record({
        type: fc.constantFrom('link.cut' as const, 'link.restore' as const),
        host: fc.constantFrom(...hosts),
      }),
    ),
    lab(
      3,
      fc.record({
        type: fc.constant('console.exec' as const),
        host: fc.constantFrom(...hosts),
        shell: fc.constantFrom('cmd' as const, 'powershell' as const),
        line: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...LINES) },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
        ),
      }),
    ),
    lab(
      2,
      ssprAction.map((action) => ({ type: 'portal.sspr' as const, action })),
    ),
    lab(
      2,
      myAccountAction.map((action) => ({ type: 'portal.myaccount' as const, action })),
    ),
    lab(
      2,
      adminAction.map((action) => ({ type: 'portal.admin' as const, action })),
    ),
    lab(
      2,
      wizardAction.map((action) => ({ type: 'connect.wizard' as const, action })),
    ),
    lab(
      2,
      aducAction.map((action) => ({ type: 'aduc.action' as const, host: 'dc01', action })),
    ),
    lab(
      2,
      fc.oneof(
        fc.record({
          type: fc.constant('desktop.signIn' as const),
          host: fc.constantFrom(...pcs),
          user: fc.constantFrom(...sams, ...upns.slice(0, 2)),
          password,
        }),
        fc.record({ type: fc.constant('desktop.signOut' as const), host: fc.constantFrom(...pcs) }),
        fc.tuple(fc.constantFrom(...pcs), password, password).map(([host, o, n]) => ({
          type: 'desktop.changePassword' as const,
          host,
          user: 'michael.brown',
          oldPassword: o,
          newPassword: n,
        })),
      ),
    ),
    lab(
      2,
      fc.oneof(
        fc.record({ type: fc.constant('phone.power' as const), phone, on: bool }),
        fc.record({ type: fc.constant('phone.scan' as const), phone, activationCode: code }),
        fc.record({
          type: fc.constant('phone.respond' as const),
          phone,
          requestId: fc.constantFrom('req-1', 'req-2'),
          approve: bool,
        }),
        fc.record({
          type: fc.constant('phone.call' as const),
          phone,
          requestId: fc.constantFrom('req-1', 'call-1'),
          answer: bool,
          keys: fc.constant('#'),
        }),
      ),
    ),
    lab(
      1,
      fc.record({ type: fc.constant('gateway.firewall' as const), remove: fc.constantFrom('r1', 'nope') }),
    ),
    lab(
      1,
      fc.record({
        type: fc.constant('syncmanager.connector' as const),
        ldapSignAndEncrypt: bool,
      }),
    ),
    lab(
      1,
      fc.oneof(
        fc.record({
          type: fc.constant('surface.view' as const),
          surface: fc.constant('admin' as const),
          target: fc.constantFrom('pr:properties', 'users'),
        }),
        fc.record({
          type: fc.constant('surface.view' as const),
          surface: fc.constantFrom('events' as const, 'tool' as const),
          target: fc.constantFrom('System', 'services'),
          host: fc.constantFrom(...hosts),
        }),
      ),
    ),
  ];

  const fault = fc.constantFrom(...FAULT_IDS);
  const instructor: { weight: number; arbitrary: fc.Arbitrary<JournalCommand> }[] = [
    { weight: 2, arbitrary: fault.map((f) => ({ type: 'fault.inject' as const, fault: f })) },
    { weight: 1, arbitrary: fault.map((f) => ({ type: 'fault.clear' as const, fault: f })) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.record({
          type: fc.constant('fault.schedule' as const),
          fault,
          at: fc.integer({ min: Date.parse(def.startTime), max: Date.parse(def.startTime) + 3 * HOUR }),
        }),
        fc.record({
          type: fc.constant('fault.schedule' as const),
          fault,
          trigger: fc.constantFrom(...TRIGGER_IDS),
        }),
      ),
    },
    { weight: 1, arbitrary: fault.map((f) => ({ type: 'fault.unschedule' as const, fault: f })) },
  ];

  return fc.oneof(...learner, ...(options.faults === false ? [] : instructor));
}
