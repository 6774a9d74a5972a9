import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { phoneMachine, type AuthenticatorAccount } from '../../../simulation/devices/phone.machine';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { TIMINGS } from '../../../simulation/core/timings';
import type { Message, Packet } from '../../../simulation/net/packets';
import { ofType, rig, type NetworkStub } from './machineRig';

const LOGIN_IP = '20.190.160.20';
const ADDRESS = '100.64.23.17';
const EXISTING: AuthenticatorAccount = {
  account: 'michael.brown@laborhub.store',
  tenant: 'Everestitt',
  secret: 1234,
  addedAt: 0,
};

/** A cloud that answers what the phone sends with `answer` (nothing: the exchange times out). */
function cloud(answer?: (body: Message) => Message | undefined): NetworkStub {
  return (e) => {
    if (e.type !== 'net.send' || !answer) return;
    const p = e.packet as Packet;
    const body = answer(p.body);
    if (body) (e.replyTo as AnyActorRef).send({ type: 'net.reply', requestId: p.id, body, from: p.dst });
  };
}

function phone(network?: NetworkStub) {
  const r = rig(
    phoneMachine,
    (env) => ({
      phone: DEFAULT_LAB.phones[0]!,
      address: ADDRESS,
      env,
      loginIp: LOGIN_IP,
      accounts: [EXISTING],
    }),
    { systemId: 'phone-michael', network, devices: { tenant: undefined } },
  );
  let n = 0;
  const deliver = (body: Message) => {
    const packet = {
      id: `tenant.t.${++n}`,
      srcId: 'tenant',
      src: LOGIN_IP,
      dst: ADDRESS,
      transport: 'tcp',
      port: 443,
      body,
    } as Packet;
    r.send({ type: 'net.deliver', packet, replyTo: r.stub('tenant') });
    return packet;
  };
  const sent = () => ofType(r.net, 'net.send').map((e) => (e.packet as Packet).body);
  return { r, deliver, sent };
}

const SMS = {
  kind: 'app.sms',
  from: 'Microsoft',
  to: '+1 4255550142',
  text: 'Use verification code 123456',
} as const;

describe('phone.machine: on/off, SMS, Authenticator and calls', () => {
  it('starts switched on, attached to the cellular network at its carrier address, with its accounts', () => {
    const { r } = phone();
    const c = r.snap().context;
    expect(c.powered).toBe(true);
    expect(c.id).toBe('phone-michael');
    expect(c.authenticator).toEqual({ accounts: [EXISTING], pending: [] });
    expect(c.sms).toEqual([]);
    expect(ofType(r.net, 'net.attach')).toEqual([
      {
        type: 'net.attach',
        id: 'phone-michael',
        nic: {
          segment: 'cellular',
          addresses: [{ ip: ADDRESS, mask: '255.255.255.255' }],
          cableConnected: true,
          powered: true,
        },
      },
    ]);
  });

  it('keeps an SMS with the lab time it came at and acknowledges it to the sender', () => {
    const { r, deliver } = phone();
    r.advance(90_000);
    const p = deliver(SMS);
    expect(r.snap().context.sms).toEqual([{ from: 'Microsoft', text: SMS.text, at: r.clock.now() }]);
    expect(ofType(r.net, 'net.respond')).toEqual([
      {
        type: 'net.respond',
        request: p,
        body: { kind: 'app.delivered' },
        from: ADDRESS,
        replyTo: r.stub('tenant'),
      },
    ]);
  });

  it('switched off: tells the network, receives nothing and answers nothing; on again it does', () => {
    const { r, deliver } = phone();
    r.send({ type: 'phone.power', phone: 'phone-michael', on: false });
    expect(r.snap().context.powered).toBe(false);
    expect(ofType(r.net, 'net.power')).toEqual([{ type: 'net.power', id: 'phone-michael', powered: false }]);
    const before = r.snap().context;
    deliver(SMS);
    deliver({ kind: 'app.push', requestId: 'req-1', account: EXISTING.account, number: 42, appName: 'x' });
    r.send({ type: 'phone.scan', phone: 'phone-michael', activationCode: '123 456 789' });
    expect(r.snap().context.sms).toBe(before.sms);
    expect(r.snap().context.authenticator).toBe(before.authenticator);
    expect(ofType(r.net, 'net.respond')).toHaveLength(0);
    expect(ofType(r.net, 'net.send')).toHaveLength(0);
    r.send({ type: 'phone.power', phone: 'phone-michael', on: true });
    expect(ofType(r.net, 'net.power').at(-1)).toEqual({
      type: 'net.power',
      id: 'phone-michael',
      powered: true,
    });
    deliver(SMS);
    expect(r.snap().context.sms).toHaveLength(1);
  });

  it('keeps the last 200 messages', () => {
    const { r, deliver } = phone();
    for (let i = 1; i <= 205; i++) deliver({ ...SMS, text: `message ${i}` });
    const sms = r.snap().context.sms;
    expect(sms).toHaveLength(200);
    expect(sms[0]?.text).toBe('message 6');
    expect(sms.at(-1)?.text).toBe('message 205');
  });

  it('a notification waits as pending; answering it sends the answer to login and clears it', () => {
    const { r, deliver, sent } = phone(cloud(() => ({ kind: 'app.delivered' })));
    deliver({ kind: 'app.push', requestId: 'req-1', account: EXISTING.account, number: 42, appName: 'x' });
    expect(r.snap().context.authenticator.pending).toEqual([
      { requestId: 'req-1', account: EXISTING.account, number: 42, at: r.clock.now() },
    ]);
    // An unknown notification id changes nothing and sends nothing.
    r.send({ type: 'phone.respond', phone: 'phone-michael', requestId: 'req-9', approve: true });
    expect(r.snap().context.authenticator.pending).toHaveLength(1);
    expect(sent()).toEqual([]);
    r.send({ type: 'phone.respond', phone: 'phone-michael', requestId: 'req-1', approve: true, number: 42 });
    expect(r.snap().context.authenticator.pending).toEqual([]);
    expect(sent()).toEqual([{ kind: 'app.push.answer', requestId: 'req-1', approved: true, number: 42 }]);
    expect((ofType(r.net, 'net.send')[0]!.packet as Packet).dst).toBe(LOGIN_IP);
    // The script finished: no job left behind.
    expect(r.snap().context.jobs).toEqual({});
    expect(r.snap().context.authenticator.accounts).toEqual([EXISTING]);
  });

  it('a ringing call is answered with the keys pressed, or declined with none', () => {
    const { r, deliver, sent } = phone(cloud(() => ({ kind: 'app.delivered' })));
    deliver({ kind: 'app.call', requestId: 'call-1', from: '+1 8005550100', to: 'x', prompt: 'Press #' });
    deliver({ kind: 'app.call', requestId: 'call-2', from: '+1 8005550100', to: 'x', prompt: 'Press #' });
    expect(r.snap().context.calls.map((c) => c.requestId)).toEqual(['call-1', 'call-2']);
    r.send({ type: 'phone.call', phone: 'phone-michael', requestId: 'call-1', answer: true, keys: '#' });
    r.send({ type: 'phone.call', phone: 'phone-michael', requestId: 'call-2', answer: false, keys: '#' });
    expect(r.snap().context.calls).toEqual([]);
    expect(sent()).toEqual([
      { kind: 'app.call.answer', requestId: 'call-1', keys: '#' },
      { kind: 'app.call.answer', requestId: 'call-2', keys: '' },
    ]);
  });

  it('scanning a QR code registers with the tenant and adds (or replaces) the account it returns', () => {
    const { r, sent } = phone(
      cloud((b) =>
        b.kind === 'app.authenticator.register'
          ? {
              kind: 'app.authenticator.registered',
              ok: true,
              account: EXISTING.account,
              secret: 999,
              tenant: 'Everestitt',
            }
          : undefined,
      ),
    );
    r.advance(60_000);
    r.send({ type: 'phone.scan', phone: 'phone-michael', activationCode: '123 456 789' });
    expect(sent()).toEqual([
      {
        kind: 'app.authenticator.register',
        activationCode: '123456789',
        phoneId: 'phone-michael',
        device: 'Android phone',
      },
    ]);
    expect(r.snap().context.authenticator.accounts).toEqual([
      { account: EXISTING.account, tenant: 'Everestitt', secret: 999, addedAt: r.clock.now() },
    ]);
    expect(r.snap().context.authenticator.lastError).toBeUndefined();
    expect(r.snap().context.seq).toBe(1);
    expect(r.snap().context.jobs).toEqual({});
  });

  it("a scan the tenant does not answer fails after the service timeout with the app's error", () => {
    const { r } = phone();
    r.send({ type: 'phone.scan', phone: 'phone-michael', activationCode: '1' });
    expect(Object.values(r.snap().context.jobs)).toEqual(['scan']);
    r.advance(TIMINGS.phoneServiceTimeout - 1);
    expect(r.snap().context.authenticator.lastError).toBeUndefined();
    r.advance(1);
    expect(r.snap().context.authenticator.lastError).toBe(
      "This QR code can't be used to add an account. Make sure it is current and try again.",
    );
    expect(r.snap().context.authenticator.accounts).toEqual([EXISTING]);
    expect(r.snap().context.jobs).toEqual({});
  });
});
