import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { LabDefinition } from '../../../simulation/core/definition';
import { Lab } from '../../../simulation/facade/lab';
import type { LearnerView } from '../../../simulation/lab/projection';

/** Field names that exist only in the truth: internals no learner tool shows. */
const TRUTH_ONLY_KEYS = [
  'seed',
  'resetAttempts',
  'blockedUntil',
  'connectorSpace',
  'synced',
  'adsyncDisk',
  'cachedLogons',
  'machineSecret',
  'directory',
  'rng',
  'trace',
  'counters',
  'firewall',
  'password',
  'dhcpServer',
  'dnsServer',
  'timeSource',
  'leases',
  'jobs',
  'xid',
  'dhcpClient',
  'clockOffsetMs',
  'logs',
  'definitionId',
  'env',
];

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

function withPasswords(def: LabDefinition, suffix: string): LabDefinition {
  return {
    ...def,
    users: def.users.map((u) => ({ ...u, password: `${u.password}${suffix}` })),
    tenant: {
      ...def.tenant,
      globalAdmin: { ...def.tenant.globalAdmin, password: `${def.tenant.globalAdmin.password}${suffix}` },
    },
  };
}

function busyLab(def: LabDefinition = DEFAULT_LAB, seed = 1): Lab {
  const lab = new Lab({ definition: def, seed });
  lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ipconfig /all' });
  lab.dispatch({
    type: 'console.exec',
    host: 'pc2',
    shell: 'powershell',
    line: 'nslookup login.microsoftonline.com',
  });
  lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
  lab.dispatch({ type: 'clock.advance', ms: 3_600_000 });
  return lab;
}

describe('the learner projection', () => {
  it('has no field that exists only in the truth', () => {
    const view = busyLab().learnerView();
    const keys = keysOf(view);
    for (const k of TRUTH_ONLY_KEYS)
      expect(keys.has(k), `learner view has truth-only field "${k}"`).toBe(false);
  });

  it('has no key that names a secret, at any depth', () => {
    const lab = busyLab();
    const keys = keysOf(lab.learnerView());
    for (const k of [
      'password',
      'pendingPassword',
      'secrets',
      'secret',
      'smsCode',
      'syncPassword',
      'connectorAccountPassword',
      'credentials',
    ]) {
      expect(keys.has(k), `learner view has a key "${k}"`).toBe(false);
    }
  });

  it('carries no secret value: no password, no seed', () => {
    const lab = busyLab(DEFAULT_LAB, 424242);
    const json = JSON.stringify(lab.learnerView());
    for (const u of DEFAULT_LAB.users) expect(json).not.toContain(u.password);
    expect(json).not.toContain(DEFAULT_LAB.tenant.globalAdmin.password);
    expect(json).not.toContain(DEFAULT_LAB.connect.connectorAccount.password);
    expect(json).not.toContain(DEFAULT_LAB.connect.syncAccount.password);
    expect(json).not.toContain('424242');
  });

  it('does not change when only truth-only facts differ (passwords)', () => {
    const a = busyLab(DEFAULT_LAB).learnerView();
    const b = busyLab(withPasswords(DEFAULT_LAB, 'X9!')).learnerView();
    expect(b).toEqual(a);
  });

  it('shows every device of the lab with the address its tools would show', () => {
    const view: LearnerView = new Lab().learnerView();
    const byId = Object.fromEntries(view.devices.map((d) => [d.id, d]));
    for (const h of DEFAULT_LAB.hosts) expect(byId[h.id]?.name).toBe(h.hostname);
    expect(byId.sync01?.addresses).toEqual(['192.168.6.10']);
    expect(byId.sync01?.role).toBe('Microsoft Entra Sync Server');
    expect(byId.pc2?.addresses).toEqual(['192.168.6.101']);
    expect(byId.pc2?.addressNote).toBe('DHCP');
    expect(byId.tenant?.name).toBe('Everestitt');
    expect(byId.tenant?.addresses).toContain('laborhub.store');
    expect(byId['phone-michael']?.kind).toBe('phone');
    expect(byId.router?.addresses).toEqual(['192.168.6.1']);
  });

  it('a powered-off PC shows no address and an empty console', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'hostname' });
    lab.dispatch({ type: 'host.power', host: 'pc2', on: false });
    const view = lab.learnerView();
    const pc2 = view.devices.find((d) => d.id === 'pc2');
    expect(pc2?.status).toBe('off');
    expect(pc2?.addresses).toEqual([]);
    expect(view.consoles.pc2?.cmd.transcript).toEqual([]);
  });

  it('Active Directory Users and Computers shows account state, never passwords or ACLs', () => {
    const lab = busyLab();
    lab.dispatch({
      type: 'aduc.action',
      host: 'dc01',
      action: {
        type: 'resetPassword',
        user: 'emma.wilson',
        password: 'Fresh#Pass2026',
        confirm: 'Fresh#Pass2026',
      },
    });
    const view = lab.learnerView();
    expect(view.aduc?.lastResult?.message).toBe('The password for Emma Wilson has been changed.');
    const keys = keysOf(view.aduc);
    for (const k of [...TRUTH_ONLY_KEYS, 'history', 'acl', 'aces', 'pwdLastSet', 'logon', 'badPwdCount'])
      expect(keys.has(k), `ADUC view has a key "${k}"`).toBe(false);
    const json = JSON.stringify(view.aduc);
    expect(json).not.toContain('Fresh#Pass2026');
    for (const u of DEFAULT_LAB.users) expect(json).not.toContain(u.password);
  });
});
