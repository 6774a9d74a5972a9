import { describe, expect, it } from 'vitest';
import { windowsHostMachine } from '../../../simulation/devices/windowsHost.machine';
import { initialAdSyncDisk, initialHostContext, initialRoles } from '../../../simulation/devices/hostInit';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { TIMINGS } from '../../../simulation/core/timings';
import type { Packet } from '../../../simulation/net/packets';
import type { DhcpLease } from '../../../simulation/windows/hostState';
import { leaseAt } from '../../../simulation/roles/dhcpLeaseIndex';
import { LAB_START, ofType, rig } from './machineRig';

function host(id: string) {
  const def = DEFAULT_LAB.hosts.find((h) => h.id === id)!;
  const r = rig(
    windowsHostMachine,
    (env) => ({
      host: initialHostContext(DEFAULT_LAB, def, 1, LAB_START),
      roles: initialRoles(DEFAULT_LAB, def, 1, LAB_START),
      adsyncDisk: initialAdSyncDisk(DEFAULT_LAB, def, LAB_START),
      env,
      relayNamespace: 'everestitt-relay.servicebus.windows.net',
    }),
    { systemId: id, devices: { pc9: undefined } },
  );
  const children = () => Object.keys(r.snap().children).sort();
  const system = () =>
    r.snap().context.host.logs.System?.entries.map((e) => `${e.source} ${e.eventId}`) ?? [];
  let n = 0;
  const deliver = (p: Omit<Packet, 'id' | 'srcId'>) => {
    const packet = { ...p, id: `pc9.t.${++n}`, srcId: 'pc9' } as Packet;
    r.send({ type: 'net.deliver', packet, replyTo: r.stub('pc9') });
    return packet;
  };
  return { r, children, system, deliver };
}

/** The wait the host's W32Time timer child is counting down. */
function w32timeWait(r: ReturnType<typeof host>['r']): number | undefined {
  return (r.snap().children.w32time?.getSnapshot().context as { inMs: number } | undefined)?.inMs;
}

const LEASE: DhcpLease = {
  ip: '192.168.6.101',
  mask: '255.255.255.0',
  router: '192.168.6.1',
  dnsServers: ['192.168.6.2'],
  domainName: 'laborhub.store',
  server: '192.168.6.2',
  obtainedAt: LAB_START,
  expiresAt: LAB_START + 8 * 86_400_000,
};

const dhcp = (op: 'DISCOVER' | 'REQUEST' | 'RELEASE', src: string, extra: Record<string, unknown> = {}) => ({
  src,
  dst: op === 'RELEASE' ? '192.168.6.2' : '255.255.255.255',
  transport: 'udp' as const,
  port: 67,
  body: { kind: 'dhcp.client' as const, op, xid: 7, mac: '00-15-5D-06-01-09', hostname: 'PC9', ...extra },
});

describe('windowsHost.machine: on ⇄ off, its children, its adapter and what it serves', () => {
  it('starts on: attaches its NIC, binds its address, and starts its DHCP client and time service', () => {
    const { r, children } = host('pc2');
    expect(r.snap().value).toBe('on');
    expect(ofType(r.net, 'net.attach')).toEqual([
      expect.objectContaining({
        id: 'pc2',
        nic: expect.objectContaining({
          segment: 'lan',
          mac: '00-15-5D-06-01-02',
          powered: true,
          udpListen: [],
        }),
      }),
    ]);
    // A DHCP client has no address until its lease comes.
    expect(ofType(r.net, 'net.bind')).toEqual([
      { type: 'net.bind', id: 'pc2', addresses: [], gateway: undefined },
    ]);
    expect(children()).toEqual(['dhcp', 'w32time']);
    // The DHCP client started at once: its DISCOVER went out.
    const discover = ofType(r.net, 'net.send').map((e) => (e.packet as Packet).body);
    expect(discover).toEqual([expect.objectContaining({ kind: 'dhcp.client', op: 'DISCOVER' })]);
  });

  it('the DC listens for DHCP broadcasts and binds its static address; it polls no time source in the lab', () => {
    const { r, children } = host('dc01');
    expect(ofType(r.net, 'net.attach')[0]).toEqual(
      expect.objectContaining({ nic: expect.objectContaining({ udpListen: [67] }) }),
    );
    expect(ofType(r.net, 'net.bind')).toEqual([
      {
        type: 'net.bind',
        id: 'dc01',
        addresses: [{ ip: '192.168.6.2', mask: '255.255.255.0' }],
        gateway: '192.168.6.1',
      },
    ]);
    expect(children()).toEqual([]);
  });

  it('the sync server runs ADSync as a child', () => {
    const { children } = host('sync01');
    expect(children()).toEqual(['adsync', 'w32time']);
  });

  it('host.power off: off, its children stopped, the network told, the event log closed and its consoles emptied', () => {
    const { r, children, system } = host('pc2');
    r.send({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'echo hello' });
    expect(r.snap().context.consoles.cmd.transcript.length).toBeGreaterThan(0);
    const history = r.snap().context.consoles.cmd.history;
    r.advance(60_000);
    r.send({ type: 'host.power', host: 'pc2', on: false });
    expect(r.snap().value).toBe('off');
    expect(children()).toEqual([]);
    expect(ofType(r.net, 'net.power')).toEqual([{ type: 'net.power', id: 'pc2', powered: false }]);
    expect(system().at(-1)).toBe('EventLog 6006');
    expect(r.snap().context.consoles.cmd.transcript).toEqual([]);
    expect(r.snap().context.consoles.cmd.history).toEqual(history);
    expect(r.snap().context.jobs).toEqual({});
    // Off, it ignores a second power-off and what arrives on its cable.
    const offContext = r.snap().context;
    r.send({ type: 'host.power', host: 'pc2', on: false });
    r.send({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ipconfig' });
    expect(r.snap().context).toBe(offContext);
  });

  it('host.power on boots again: bootedAt is now, boot events logged, the NIC attached again, children back', () => {
    const { r, children, system } = host('pc2');
    r.send({ type: 'host.power', host: 'pc2', on: false });
    r.advance(3_600_000);
    r.send({ type: 'host.power', host: 'pc2', on: true });
    expect(r.snap().value).toBe('on');
    expect(r.snap().context.host.bootedAt).toBe(LAB_START + 3_600_000);
    expect(system()).toContain('Microsoft-Windows-Kernel-General 12');
    expect(ofType(r.net, 'net.attach')).toHaveLength(2);
    expect(children()).toEqual(['dhcp', 'w32time']);
    // Powered on, the time service's first poll is the start-up sync, not the full interval.
    expect(w32timeWait(r)).toBe(TIMINGS.w32timeStartSync);
  });

  it('host.power on while on changes nothing (the powerOff guard)', () => {
    const { r } = host('pc2');
    const before = r.snap().context;
    r.send({ type: 'host.power', host: 'pc2', on: true });
    expect(r.snap().value).toBe('on');
    expect(r.snap().context).toBe(before);
  });

  it('host.restart re-enters on: shut down then booted again, at the same instant', () => {
    const { r, system } = host('pc2');
    r.advance(5_000);
    r.send({ type: 'host.restart', host: 'pc2' });
    expect(r.snap().value).toBe('on');
    expect(r.snap().context.host.bootedAt).toBe(LAB_START + 5_000);
    const log = system();
    expect(log.lastIndexOf('EventLog 6006')).toBeLessThan(
      log.lastIndexOf('Microsoft-Windows-Kernel-General 12'),
    );
    expect(ofType(r.net, 'net.power')).toHaveLength(1);
    expect(ofType(r.net, 'net.attach')).toHaveLength(2);
  });

  it('service.restart of a stopped service does nothing (the serviceRunning guard); stop and start do', () => {
    const { r } = host('dc01');
    const status = () => r.snap().context.host.services.DHCPServer?.status;
    expect(status()).toBe('Running');
    r.send({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    expect(status()).toBe('Stopped');
    const before = r.snap().context;
    r.send({ type: 'service.restart', host: 'dc01', service: 'DHCPServer' });
    expect(r.snap().context).toBe(before);
    r.send({ type: 'service.start', host: 'dc01', service: 'DHCPServer' });
    expect(status()).toBe('Running');
    expect(r.snap().context.roles).toBe(before.roles);
  });

  it('dhcp.update from its DHCP client: takes the lease, binds it, and registers itself in DNS', () => {
    const { r } = host('pc2');
    r.ref().send({ type: 'dhcp.update', lease: LEASE });
    expect(r.snap().context.host.nic.lease).toEqual(LEASE);
    expect(ofType(r.net, 'net.bind').at(-1)).toEqual({
      type: 'net.bind',
      id: 'pc2',
      addresses: [{ ip: '192.168.6.101', mask: '255.255.255.0' }],
      gateway: '192.168.6.1',
    });
    const update = ofType(r.net, 'net.send')
      .map((e) => e.packet as Packet)
      .find((p) => p.body.kind === 'dns.update');
    expect(update).toEqual(
      expect.objectContaining({
        src: '192.168.6.101',
        dst: '192.168.6.2',
        port: 53,
        body: { kind: 'dns.update', name: 'PC2.laborhub.store', ip: '192.168.6.101' },
      }),
    );
    expect(Object.values(r.snap().context.jobs)).toEqual([{ kind: 'dns.register' }]);
    // Unanswered, the registration gives up after the DNS timeout and the job goes.
    r.advance(TIMINGS.dnsQueryTimeout);
    expect(r.snap().context.jobs).toEqual({});
  });

  it("its DNS registration: the answer ends the job and its timeout, a stranger's does not; a shutdown drops a waiting one", () => {
    const { r } = host('pc2');
    const dnsTimers = () =>
      Object.values(r.ref().system.getSnapshot()._scheduledEvents).filter(
        (e) => e.event.type === 'dns.register.timeout',
      ).length;
    r.ref().send({ type: 'dhcp.update', lease: LEASE });
    const update = ofType(r.net, 'net.send')
      .map((e) => e.packet as Packet)
      .find((p) => p.body.kind === 'dns.update');
    // The packet the script runner sent as the job's first: `<host>.<job>.1`, from the host's cable.
    const [id] = Object.keys(r.snap().context.jobs);
    expect(update).toEqual(expect.objectContaining({ id: `pc2.${id}.1`, srcId: 'pc2' }));
    expect(dnsTimers()).toBe(1);
    const answer = {
      body: { kind: 'dns.response', name: 'PC2.laborhub.store', answers: [] },
      from: '192.168.6.2',
    };
    r.ref().send({ type: 'net.reply', requestId: `pc2.${id}.2`, ...answer });
    r.ref().send({ type: 'net.reply', requestId: `pc9.${id}.1`, ...answer });
    expect(Object.values(r.snap().context.jobs)).toEqual([{ kind: 'dns.register' }]);
    r.ref().send({ type: 'net.reply', requestId: `pc2.${id}.1`, ...answer });
    expect(r.snap().context.jobs).toEqual({});
    expect(dnsTimers()).toBe(0);
    // Waiting when the host restarts: the job and its timeout go with the session.
    r.ref().send({ type: 'dhcp.update', lease: LEASE });
    expect(dnsTimers()).toBe(1);
    r.send({ type: 'host.restart', host: 'pc2' });
    expect(r.snap().context.jobs).toEqual({});
    expect(dnsTimers()).toBe(0);
  });

  it('answers ping from its address', () => {
    const { r, deliver } = host('dc01');
    const p = deliver({
      src: '192.168.6.109',
      dst: '192.168.6.2',
      transport: 'icmp',
      body: { kind: 'icmp.echo', bytes: 32 },
    });
    expect(ofType(r.net, 'net.respond')).toEqual([
      {
        type: 'net.respond',
        request: p,
        body: { kind: 'icmp.echoReply', bytes: 32, ttl: 128 },
        from: '192.168.6.2',
        replyTo: r.stub('pc9'),
      },
    ]);
  });

  it('as the DHCP server: OFFER and ACK write the lease table, a RELEASE frees the lease, a stopped service answers nothing', () => {
    const { r, deliver } = host('dc01');
    const leases = () => r.snap().context.roles.dhcpServer!.leases;
    deliver(dhcp('DISCOVER', '0.0.0.0'));
    const offer = ofType(r.net, 'net.respond').at(-1)!.body as { op: string; yiaddr: string };
    expect(offer.op).toBe('OFFER');
    expect(leaseAt(leases(), offer.yiaddr)).toEqual(
      expect.objectContaining({ state: 'offered', mac: '00-15-5D-06-01-09' }),
    );
    deliver(dhcp('REQUEST', '0.0.0.0', { requestedIp: offer.yiaddr, serverId: '192.168.6.2' }));
    expect((ofType(r.net, 'net.respond').at(-1)!.body as { op: string }).op).toBe('ACK');
    expect(leaseAt(leases(), offer.yiaddr)).toEqual(
      expect.objectContaining({ state: 'active', expiresAt: LAB_START + 8 * 86_400_000 }),
    );
    r.advance(60_000);
    const responds = ofType(r.net, 'net.respond').length;
    deliver(dhcp('RELEASE', offer.yiaddr));
    expect(ofType(r.net, 'net.respond')).toHaveLength(responds); // no answer to a RELEASE
    expect(leaseAt(leases(), offer.yiaddr)).toEqual(
      expect.objectContaining({ state: 'offered', mac: '00-15-5D-06-01-09', expiresAt: LAB_START + 60_000 }),
    );
    r.send({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    const roles = r.snap().context.roles;
    deliver(dhcp('DISCOVER', '0.0.0.0'));
    expect(ofType(r.net, 'net.respond')).toHaveLength(responds);
    expect(r.snap().context.roles).toBe(roles);
  });

  it('the time service asks for a poll after the poll interval; the host runs it as a script job on the lab clock', () => {
    const { r } = host('pc2');
    r.ref().send({ type: 'dhcp.update', lease: LEASE });
    r.advance(TIMINGS.dnsQueryTimeout); // the DNS registration gives up
    expect(r.snap().context.jobs).toEqual({});
    r.advance(TIMINGS.w32timePoll - TIMINGS.dnsQueryTimeout - 1);
    expect(r.snap().children.w32time?.getSnapshot().value).toBe('waiting');
    r.advance(1);
    expect(r.snap().children.w32time?.getSnapshot().value).toBe('polling');
    const [id, job] = Object.entries(r.snap().context.jobs)[0] ?? [];
    expect(job).toEqual({ kind: 'time.poll' });
    const packets = ofType(r.net, 'net.send')
      .map((e) => e.packet as Packet)
      .filter((p) => p.id.startsWith(`pc2.${id}.`));
    expect(packets.length).toBeGreaterThan(0);
    expect(packets[0]?.dst).toBe('192.168.6.2');
  });

  it('a stopped W32Time skips the poll: no job, and the timer waits a whole interval again', () => {
    const { r } = host('pc2');
    r.send({ type: 'service.stop', host: 'pc2', service: 'W32Time' });
    r.advance(TIMINGS.w32timePoll);
    expect(r.snap().context.jobs).toEqual({});
    const w32 = r.snap().children.w32time?.getSnapshot() as
      { value: unknown; context: { inMs: number } } | undefined;
    expect(w32?.value).toBe('waiting');
    expect(w32?.context.inMs).toBe(TIMINGS.w32timePoll);
  });
});
