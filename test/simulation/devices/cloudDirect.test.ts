/**
 * The tenant and the internet take the packets they only answer directly (withDirectTransitions):
 * each run here against its own chart (the logic the direct path is built over) on the same
 * packets must tell the network the same events, in the same order, and end in the same context.
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorLogic, AnyActorRef, AnyStateMachine } from 'xstate';
import { tenantMachine } from '../../../simulation/devices/tenant.machine';
import { internetMachine } from '../../../simulation/devices/internet.machine';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { Packet } from '../../../simulation/net/packets';
import type { TenantState } from '../../../simulation/cloud/tenantState';
import { rig } from './machineRig';

/**
 * The chart a withDirectTransitions logic was made from: the same machine provided again is a plain
 * StateMachine with XState's own transition (the direct path is only on the logic itself).
 */
function chartOf(logic: AnyStateMachine): AnyActorLogic {
  const chart = logic.provide({});
  expect(chart.transition).not.toBe(logic.transition);
  return chart;
}

const CARRIER = [{ phoneId: 'phone-michael', number: '+1 4255550142', address: '100.64.23.17' }];

/** A context without its env (each rig has its own clock). */
function withoutEnv(context: unknown): unknown {
  const rest = { ...(context as Record<string, unknown>) };
  delete rest.env;
  return rest;
}

type Step = (ctx: { tenant?: TenantState }) => Omit<Packet, 'id' | 'srcId' | 'src'>;

/** Runs `steps` (each built from the context so far) against `logic`; what the network was told and the end context. */
function run(logic: AnyActorLogic, systemId: 'tenant' | 'internet', steps: Step[]) {
  const r = rig(
    logic,
    (env) =>
      systemId === 'tenant'
        ? { definition: DEFAULT_LAB, seed: 1, env, carrier: CARRIER }
        : { definition: DEFAULT_LAB },
    { systemId, devices: { sync01: undefined } },
  );
  const snapshots: unknown[] = [];
  steps.forEach((step, i) => {
    const before = r.snap();
    const packet = {
      src: '192.168.6.20',
      ...step(r.snap().context as { tenant?: TenantState }),
      id: `sync01.t.${i}`,
      srcId: 'sync01',
    } as Packet;
    r.send({ type: 'net.deliver', packet, replyTo: r.stub('sync01') as AnyActorRef });
    snapshots.push(r.snap() === before ? 'unchanged' : withoutEnv(r.snap().context));
  });
  const told = r.net.map((e) => ({ ...e, replyTo: e.replyTo === r.stub('sync01') ? 'sync01' : e.replyTo }));
  return { told, snapshots, context: withoutEnv(r.snap().context), status: r.snap().status };
}

function admin(t: TenantState | undefined) {
  const u = t?.users.find((x) => x.roles.includes('Global Administrator'));
  return { user: u?.upn ?? '', password: u?.password ?? '' };
}

const TENANT_STEPS: Step[] = [
  ({ tenant }) => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: { kind: 'app.aad.auth', credentials: admin(tenant) },
  }),
  () => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: { kind: 'app.aad.auth', credentials: { user: 'nobody@x', password: 'no' } },
  }),
  ({ tenant }) => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: {
      kind: 'app.aad.configure',
      credentials: admin(tenant),
      serverName: 'SYNC01',
      phs: true,
      writeback: true,
      connectorAccount: 'LABORHUB\\MSOL_1',
    },
  }),
  ({ tenant }) => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: {
      kind: 'app.aad.import',
      credentials: {
        user: tenant?.connect?.syncAccount ?? '',
        password: tenant?.connect?.syncPassword ?? '',
      },
    },
  }),
  ({ tenant }) => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: {
      kind: 'app.aad.export',
      credentials: {
        user: tenant?.connect?.syncAccount ?? '',
        password: tenant?.connect?.syncPassword ?? '',
      },
      users: [
        {
          anchor: 'a1',
          upn: 'ann.lee@laborhub.store',
          displayName: 'Ann Lee',
          givenName: 'Ann',
          surname: 'Lee',
          enabled: true,
          sam: 'ann.lee',
          dn: 'CN=Ann Lee,OU=Staff,DC=laborhub,DC=store',
          memberOf: [],
        },
      ],
      deletes: [],
      groups: [],
      groupDeletes: [],
    },
  }),
  ({ tenant }) => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: {
      kind: 'app.aad.import',
      credentials: {
        user: tenant?.connect?.syncAccount ?? '',
        password: tenant?.connect?.syncPassword ?? '',
      },
    },
  }),
  () => ({ dst: '20.190.160.20', transport: 'tcp', port: 443, body: { kind: 'tcp.syn' } }),
  () => ({ dst: '20.190.160.20', transport: 'tcp', port: 80, body: { kind: 'tcp.syn' } }),
  () => ({ dst: '20.190.160.20', transport: 'icmp', body: { kind: 'icmp.echo', bytes: 32 } }),
  // A phone's answer to nothing pending: the chart's path, as before.
  () => ({
    dst: '20.190.160.20',
    transport: 'tcp',
    port: 443,
    body: { kind: 'app.push.answer', requestId: 'none', approved: true },
  }),
];

const query =
  (name: string, qtype: 'A' | 'PTR' | 'SRV' = 'A'): Step =>
  () => ({
    dst: '8.8.8.8',
    transport: 'udp',
    port: 53,
    body: { kind: 'dns.query', name, qtype, recursionDesired: true },
  });

const INTERNET_STEPS: Step[] = [
  query('login.microsoftonline.com'),
  query('dc01.laborhub.store'),
  query('_ldap._tcp.laborhub.store', 'SRV'),
  query('20.190.160.20.in-addr.arpa', 'PTR'),
  () => ({
    dst: '8.8.8.8',
    transport: 'udp',
    port: 5353,
    body: { kind: 'dns.query', name: 'dns.google', qtype: 'A', recursionDesired: true },
  }),
  () => ({ dst: '8.8.8.8', transport: 'icmp', body: { kind: 'icmp.echo', bytes: 32 } }),
  () => ({ dst: '8.8.8.8', transport: 'tcp', port: 443, body: { kind: 'tcp.syn' } }),
  () => ({ dst: '20.50.15.20', transport: 'tcp', port: 9352, body: { kind: 'tcp.syn' } }),
  () => ({ dst: '8.8.8.8', transport: 'tcp', port: 80, body: { kind: 'tcp.syn' } }),
];

describe('tenant and internet: what they take directly is what their charts do', () => {
  it('the tenant: sign-in checks, configure, import, export, ping and TCP, and a phone answer (the chart’s)', () => {
    const direct = run(tenantMachine, 'tenant', TENANT_STEPS);
    const chart = run(chartOf(tenantMachine), 'tenant', TENANT_STEPS);
    expect(direct.told).toEqual(chart.told);
    expect(direct.context).toEqual(chart.context);
    expect(direct.status).toBe('active');
    // Answered: the two sign-in checks, configure, two imports, the export, the open port, and the
    // phone's answer (acknowledged by the chart).
    expect(direct.told.filter((e) => e.type === 'net.respond')).toHaveLength(8);
    expect(direct.told.filter((e) => e.type === 'net.reject')).toHaveLength(1);
    // The export changed the tenant: it shows in the context after it, as in the chart's.
    const after = direct.snapshots[4] as { tenant: TenantState };
    expect(after.tenant.users.some((u) => u.upn === 'ann.lee@laborhub.store')).toBe(true);
    expect(after).toEqual(chart.snapshots[4]);
    // An import leaves the tenant as it was: the direct path keeps the snapshot (the chart makes an equal one).
    expect(direct.snapshots[3]).toBe('unchanged');
    expect(chart.snapshots[3]).toEqual(direct.snapshots[2]);
  });

  it('the internet: DNS answers and NXDOMAIN, not DNS off port 53, ping, open and closed ports', () => {
    const direct = run(internetMachine, 'internet', INTERNET_STEPS);
    const chart = run(chartOf(internetMachine), 'internet', INTERNET_STEPS);
    expect(direct.told).toEqual(chart.told);
    expect(direct.context).toEqual(chart.context);
    expect(direct.told.filter((e) => e.type === 'net.respond')).toHaveLength(7);
    expect(direct.told.filter((e) => e.type === 'net.reject')).toHaveLength(1);
    // Nothing delivered changes the internet's context.
    expect(direct.snapshots.every((s) => s === 'unchanged')).toBe(true);
  });
});
