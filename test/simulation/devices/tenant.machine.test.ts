import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { tenantMachine } from '../../../simulation/devices/tenant.machine';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { Packet } from '../../../simulation/net/packets';
import { ofType, rig, type NetworkStub } from './machineRig';

const MICHAEL = 'michael.brown@laborhub.store';
const PHONE_IP = '100.64.23.17';
const CARRIER = [{ phoneId: 'phone-michael', number: '+1 4255550142', address: PHONE_IP }];

/** A network whose phones acknowledge what they get; anything else goes unanswered. */
const phonesAnswer: NetworkStub = (e) => {
  if (e.type !== 'net.send') return;
  const p = e.packet as Packet;
  if (p.dst === PHONE_IP)
    (e.replyTo as AnyActorRef).send({
      type: 'net.reply',
      requestId: p.id,
      body: { kind: 'app.delivered' },
      from: p.dst,
    });
};

function tenant(network: NetworkStub = phonesAnswer) {
  const r = rig(tenantMachine, (env) => ({ definition: DEFAULT_LAB, seed: 1, env, carrier: CARRIER }), {
    systemId: 'tenant',
    network,
    devices: { pc2: undefined },
  });
  const sent = () => ofType(r.net, 'net.send').map((e) => e.packet as Packet);
  const page = () => r.snap().context.sspr.page;
  return { r, sent, page };
}

describe('tenant.machine: the cloud endpoints, SSPR and its jobs', () => {
  it('attaches the tenant-owned endpoints and knows its login and relay addresses from the definition', () => {
    const { r } = tenant();
    const mine = DEFAULT_LAB.internet.endpoints.filter((e) => e.owner === 'tenant');
    const c = r.snap().context;
    expect(c.addresses).toEqual(mine.map((e) => e.ip));
    expect(c.loginIp).toBe('20.190.160.20');
    expect(c.relayHost).toMatch(/\.servicebus\.windows\.net$/);
    expect(mine.find((e) => e.ip === c.relayIp)?.names).toContain(c.relayHost);
    expect(ofType(r.net, 'net.attach')).toEqual([
      {
        type: 'net.attach',
        id: 'tenant',
        nic: {
          segment: 'internet',
          addresses: mine.map((e) => ({ ip: e.ip, mask: '255.255.255.255' })),
          cableConnected: true,
          powered: true,
        },
      },
    ]);
    expect(c.sspr.page).toEqual({ page: 'closed' });
    expect(c.jobs).toEqual({});
  });

  it('accepts HTTPS at its endpoints, refuses closed ports, and drops ping (as Microsoft does)', () => {
    const { r } = tenant();
    const deliver = (p: Partial<Packet>) => {
      const packet = {
        id: `pc2.t.${r.net.length}`,
        srcId: 'pc2',
        src: '192.168.6.101',
        dst: '20.190.160.20',
        ...p,
      } as Packet;
      r.send({ type: 'net.deliver', packet, replyTo: r.stub('pc2') });
      return packet;
    };
    const syn = deliver({ transport: 'tcp', port: 443, body: { kind: 'tcp.syn' } });
    const closed = deliver({ transport: 'tcp', port: 80, body: { kind: 'tcp.syn' } });
    deliver({ transport: 'icmp', body: { kind: 'icmp.echo', bytes: 32 } });
    expect(ofType(r.net, 'net.respond').map((e) => [e.request, e.body])).toEqual([
      [syn, { kind: 'tcp.accept' }],
    ]);
    expect(ofType(r.net, 'net.reject').map((e) => [e.request, e.reason])).toEqual([[closed, 'port-closed']]);
  });

  it('SSPR: open shows the user id page; an unknown user is an error with a new CAPTCHA; close closes it', () => {
    const { r, sent, page } = tenant();
    r.send({ type: 'portal.sspr', action: { type: 'open' } });
    const start = page();
    if (start.page !== 'userId') throw new Error(`expected the user id page, got ${start.page}`);
    expect(start.captcha).toMatch(/^[A-Z0-9]{8}$/);
    const users = r.snap().context.tenant.users;
    // Michael is not in the cloud until Entra Connect exports him: the tenant does not know him.
    r.send({
      type: 'portal.sspr',
      action: { type: 'submitUser', userId: MICHAEL, captcha: start.captcha.toLowerCase() },
    });
    const after = page();
    expect(after).toEqual({
      page: 'userId',
      userId: MICHAEL,
      captcha: expect.stringMatching(/^[A-Z0-9]{8}$/),
      error: "We couldn't find an account with that user ID. Check the user ID and try again.",
    });
    if (after.page === 'userId') expect(after.captcha).not.toBe(start.captcha);
    expect(r.snap().context.tenant.users).toBe(users);
    expect(sent()).toEqual([]);
    expect(r.snap().context.jobs).toEqual({});
    r.send({ type: 'portal.sspr', action: { type: 'close' } });
    expect(page()).toEqual({ page: 'closed' });
  });

  it("portal.admin changes the tenant's policy and posts a notification, leaving the pages as they were", () => {
    const { r } = tenant();
    r.advance(120_000);
    const before = r.snap().context;
    r.send({ type: 'portal.admin', action: { type: 'sspr.properties', enabled: 'All' } });
    const c = r.snap().context;
    expect(c.tenant.sspr.enabled).toBe('All');
    expect(before.tenant.sspr.enabled).not.toBe('All');
    expect(c.admin.notifications).toHaveLength(before.admin.notifications.length + 1);
    expect(c.admin.notice).toBeDefined();
    expect(c.sspr).toBe(before.sspr);
    expect(c.portal).toBe(before.portal);
    expect(c.jobs).toEqual({});
    expect(c.tenant.users).toBe(before.tenant.users);
  });

  it('xstate.done for a job it does not know changes nothing', () => {
    const { r } = tenant();
    const before = r.snap().context;
    r.send({ type: 'xstate.done.actor.job-9', output: { value: { ok: true }, failure: undefined } });
    expect(r.snap().context).toBe(before);
  });
});
