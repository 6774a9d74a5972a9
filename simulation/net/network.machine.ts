/**
 * The network actor: the LAN 192.168.6.0/24 with its switch and gateway, the route out to the
 * internet and the cloud through the edge firewall, and the mobile network. Every device sends
 * through it; it delivers, refuses or drops each packet according to cables, addresses, routes and
 * firewall rules (see routing.ts). It also answers for the gateway itself (ping).
 *
 * Events: net.attach, net.bind, net.power, net.cable, net.send, net.respond, net.reject,
 *         firewall.add, firewall.remove, router.wan, router.power.
 * Faults that touch it: outbound 443 blocked at the edge, WAN down, a cable pulled.
 * Its NIC table is written in place by its own transitions (nicTable.ts): the context object, new
 * after every change, is what tells one state from the next.
 */
import type { FirewallRule } from '../core/definition';
import { assign, enqueueActions, setup, type AnyActorRef, type AnyEventObject } from 'xstate';
import type { Ipv4 } from './ipv4';
import type { Message, Packet, RefuseReason } from './packets';
import { canReturn, deliveryDetail, route, type NetworkState, type NicState, type OpenFlow } from './routing';
import { putNic } from './nicTable';
import { noteAnswer, noteRoute, type LearnerFlow } from './learnerFlow';
import { withContext, withDirectTransitions } from '../proc/directTransitions';
import { lastWith } from '../core/bounded';

export interface TraceEntry {
  packetId: string;
  from: string;
  dst: Ipv4;
  kind: string;
  verdict: 'deliver' | 'refuse' | 'drop' | 'reply' | 'reply-lost';
  detail: string;
}

export interface NetworkContext extends NetworkState {
  counters: { delivered: number; refused: number; dropped: number; replies: number };
  /** The last packets routed (truth only: an instructor's capture, not a learner's). */
  trace: TraceEntry[];
  /**
   * The hops of the last thing the learner ran (learnerFlow.ts): learner-visible, unlike `trace`.
   * Absent until the learner runs something that goes over the network.
   */
  learnerFlow?: LearnerFlow;
}

export type NetworkEvent =
  | { type: 'net.attach'; id: string; nic: NicState }
  | { type: 'net.bind'; id: string; addresses: NicState['addresses']; gateway?: Ipv4 }
  | { type: 'net.power'; id: string; powered: boolean }
  | { type: 'net.cable'; id: string; connected: boolean }
  | { type: 'net.send'; packet: Packet; replyTo?: AnyActorRef }
  | { type: 'net.respond'; request: Packet; body: Message; from: Ipv4; replyTo?: AnyActorRef }
  | { type: 'net.reject'; request: Packet; reason: RefuseReason; by?: Ipv4; replyTo?: AnyActorRef }
  /** `first`: the rule goes above the others (an exception to a block rule further down). */
  | { type: 'firewall.add'; rule: FirewallRule; first?: boolean }
  | { type: 'firewall.remove'; id: string }
  | { type: 'router.wan'; up: boolean }
  | { type: 'router.power'; powered: boolean };

const TRACE_LIMIT = 64;

/** A one-line description of a message for the trace, e.g. `dhcp DISCOVER` or `dns.query SRV _ldap._tcp...`. */
export function summarize(body: Message): string {
  switch (body.kind) {
    case 'dhcp.client':
    case 'dhcp.server':
      return `dhcp ${body.op}`;
    case 'dns.query':
      return `dns.query ${body.qtype} ${body.name}`;
    case 'dns.response':
      return `dns.response ${body.rcode} ${body.name}`;
    default:
      return body.kind;
  }
}

function traced(trace: TraceEntry[], entry: TraceEntry): TraceEntry[] {
  return lastWith(trace, entry, TRACE_LIMIT);
}

/** Opens, refreshes or closes a LAN host's kept-open outbound connection. */
function trackFlows(ctx: NetworkContext, packet: Packet, path: string): OpenFlow[] {
  if (path !== 'internet' || ctx.nics[packet.srcId]?.segment !== 'lan') return ctx.flows;
  const others = () => ctx.flows.filter((f) => !(f.lanId === packet.srcId && f.remoteIp === packet.dst));
  if (packet.closeFlow) return others();
  // Only a packet that closes or keeps a flow copies the list.
  if (!packet.keepOpen || packet.port === undefined) return ctx.flows;
  return [
    ...others(),
    { lanId: packet.srcId, lanIp: packet.src, remoteIp: packet.dst, port: packet.port, host: packet.host },
  ];
}

/** A host that loses power or its address loses its open connections. */
function pruneFlows(flows: OpenFlow[], id: string, nic: NicState): OpenFlow[] {
  return flows.filter((f) => f.lanId !== id || (nic.powered && nic.addresses.some((a) => a.ip === f.lanIp)));
}

function isLive(ref: AnyActorRef | undefined): ref is AnyActorRef {
  return !!ref && ref.getSnapshot().status === 'active';
}

/** What one packet event sends, in order (sent after the transition, as XState sends). */
type Sends = [AnyActorRef, AnyEventObject][];

/** A packet a device sent: delivered, refused or dropped (routing.ts); the next context. */
function routePacket(
  context: NetworkContext,
  event: Extract<NetworkEvent, { type: 'net.send' }>,
  system: { get: (id: string) => unknown },
  out: Sends,
): NetworkContext {
  const { packet, replyTo } = event;
  const verdict = route(context, packet);
  const kind = summarize(packet.body);
  let learnerFlow = noteRoute(context.learnerFlow, context, packet, verdict);
  // The next context is built at once (no partial spread over it); its trace entry in the order
  // packetId, from, dst, kind, verdict, detail; `learnerFlow` set only when it changed, so a context
  // without the key keeps not having it.
  let next: NetworkContext;
  const { counters } = context;
  if (verdict.kind === 'deliver') {
    for (const id of verdict.to) {
      if (id === 'router') {
        // The gateway answers ping and refuses every other port.
        if (packet.body.kind === 'icmp.echo' && isLive(replyTo)) {
          const body = { kind: 'icmp.echoReply', bytes: packet.body.bytes, ttl: 64 } as const;
          out.push([replyTo, { type: 'net.reply', requestId: packet.id, body, from: context.lan.gateway }]);
          learnerFlow = noteAnswer(learnerFlow, packet, { kind: 'reply', body }, true);
        } else if (packet.transport === 'tcp' && isLive(replyTo)) {
          out.push([replyTo, { type: 'net.refused', requestId: packet.id, reason: 'port-closed' }]);
          learnerFlow = noteAnswer(learnerFlow, packet, { kind: 'refuse', reason: 'port-closed' }, true);
        }
        continue;
      }
      const device = system.get(id) as AnyActorRef | undefined;
      if (isLive(device)) out.push([device, { type: 'net.deliver', packet, replyTo }]);
    }
    next = {
      ...context,
      counters: { ...counters, delivered: counters.delivered + 1 },
      trace: traced(context.trace, {
        packetId: packet.id,
        from: packet.srcId,
        dst: packet.dst,
        kind,
        verdict: 'deliver',
        detail: deliveryDetail(verdict.path, verdict.to),
      }),
      flows: trackFlows(context, packet, verdict.path),
    };
  } else if (verdict.kind === 'refuse') {
    if (isLive(replyTo)) {
      out.push([
        replyTo,
        { type: 'net.refused', requestId: packet.id, reason: verdict.reason, by: verdict.by },
      ]);
    }
    next = {
      ...context,
      counters: { ...counters, refused: counters.refused + 1 },
      trace: traced(context.trace, {
        packetId: packet.id,
        from: packet.srcId,
        dst: packet.dst,
        kind,
        verdict: 'refuse',
        detail: verdict.reason,
      }),
    };
  } else {
    next = {
      ...context,
      counters: { ...counters, dropped: counters.dropped + 1 },
      trace: traced(context.trace, {
        packetId: packet.id,
        from: packet.srcId,
        dst: packet.dst,
        kind,
        verdict: 'drop',
        detail: verdict.reason,
      }),
    };
  }
  if (learnerFlow !== context.learnerFlow) next.learnerFlow = learnerFlow;
  return next;
}

/** A device's answer (or refusal) to a packet it was delivered, returned to the requester; the next context. */
function returnReply(
  context: NetworkContext,
  event: Extract<NetworkEvent, { type: 'net.respond' | 'net.reject' }>,
  out: Sends,
): NetworkContext {
  const ok = canReturn(context, event.request) && isLive(event.replyTo);
  const learnerFlow = noteAnswer(
    context.learnerFlow,
    event.request,
    event.type === 'net.respond'
      ? { kind: 'reply', body: event.body }
      : { kind: 'refuse', reason: event.reason },
    ok,
  );
  if (ok && event.replyTo) {
    out.push([
      event.replyTo,
      event.type === 'net.respond'
        ? { type: 'net.reply', requestId: event.request.id, body: event.body, from: event.from }
        : { type: 'net.refused', requestId: event.request.id, reason: event.reason, by: event.by },
    ]);
  }
  const next: Partial<NetworkContext> = {
    counters: { ...context.counters, replies: context.counters.replies + 1 },
    trace: traced(context.trace, {
      packetId: event.request.id,
      from: event.request.srcId,
      dst: event.request.dst,
      kind: event.type === 'net.respond' ? summarize(event.body) : `reject:${event.reason}`,
      verdict: ok ? 'reply' : 'reply-lost',
      detail: ok ? 'returned' : 'requester gone or path closed',
    }),
  };
  if (learnerFlow !== context.learnerFlow) next.learnerFlow = learnerFlow;
  return { ...context, ...next };
}

const networkChart = setup({
  types: {
    context: {} as NetworkContext,
    events: {} as NetworkEvent,
    input: {} as NetworkState,
  },
  actions: {
    attach: assign(({ context, event }) => {
      if (event.type !== 'net.attach') return {};
      putNic(context.nics, event.id, event.nic);
      return { nics: context.nics };
    }),
    bind: assign(({ context, event }) => {
      if (event.type !== 'net.bind') return {};
      const nic = context.nics[event.id];
      if (!nic) return {};
      putNic(context.nics, event.id, { ...nic, addresses: event.addresses, gateway: event.gateway });
      return { nics: context.nics };
    }),
    power: assign(({ context, event }) => {
      if (event.type !== 'net.power') return {};
      const nic = context.nics[event.id];
      if (!nic) return {};
      const next = { ...nic, powered: event.powered };
      putNic(context.nics, event.id, next);
      return { nics: context.nics, flows: pruneFlows(context.flows, event.id, next) };
    }),
    cable: assign(({ context, event }) => {
      if (event.type !== 'net.cable') return {};
      const nic = context.nics[event.id];
      if (!nic) return {};
      putNic(context.nics, event.id, { ...nic, cableConnected: event.connected });
      return { nics: context.nics };
    }),
    tellMedia: enqueueActions(({ enqueue, event, system }) => {
      if (event.type !== 'net.cable') return;
      const device = system.get(event.id) as AnyActorRef | undefined;
      if (isLive(device)) enqueue.sendTo(device, { type: 'net.media', connected: event.connected });
    }),
    addRule: assign(({ context, event }) => {
      if (event.type !== 'firewall.add') return {};
      const others = context.firewall.filter((r) => r.id !== event.rule.id);
      return { firewall: event.first ? [event.rule, ...others] : [...others, event.rule] };
    }),
    removeRule: assign(({ context, event }) => {
      if (event.type !== 'firewall.remove') return {};
      return { firewall: context.firewall.filter((r) => r.id !== event.id) };
    }),
    setWan: assign(({ context, event }) =>
      event.type === 'router.wan' ? { router: { ...context.router, wanUp: event.up } } : {},
    ),
    setRouterPower: assign(({ context, event }) =>
      event.type === 'router.power' ? { router: { ...context.router, powered: event.powered } } : {},
    ),
  },
}).createMachine({
  id: 'network',
  context: ({ input }) => ({
    ...input,
    counters: { delivered: 0, refused: 0, dropped: 0, replies: 0 },
    trace: [],
  }),
  on: {
    'net.attach': { actions: 'attach' },
    'net.bind': { actions: 'bind' },
    'net.power': { actions: 'power' },
    'net.cable': { actions: ['cable', 'tellMedia'] },
    'firewall.add': { actions: 'addRule' },
    'firewall.remove': { actions: 'removeRule' },
    'router.wan': { actions: 'setWan' },
    'router.power': { actions: 'setRouterPower' },
  },
});

/**
 * The network actor's logic: the chart above for the topology events, and the packet events
 * (net.send, net.respond, net.reject: most of a lab's events) taken directly (directTransitions.ts):
 * they change only the context.
 */
export const networkMachine = withDirectTransitions(networkChart, (snapshot, event, scope) => {
  const out: Sends = [];
  let context: NetworkContext;
  if (event.type === 'net.send') context = routePacket(snapshot.context, event, scope.system, out);
  else if (event.type === 'net.respond' || event.type === 'net.reject')
    context = returnReply(snapshot.context, event, out);
  else return undefined;
  for (const [to, e] of out) scope.defer(() => to.send(e));
  return withContext(snapshot, context);
});
