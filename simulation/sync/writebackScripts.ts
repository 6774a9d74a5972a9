/**
 * Password writeback as scripts: the listener's relay connection to the tenant's Service Bus
 * namespace, and a writeback request (set the password in AD with the connector account).
 */
import type { RelayRequest, RelayResponse, WritebackFailure } from '../net/appMessages';
import type { Message } from '../net/packets';
import type { Script } from '../proc/script';
import type { NewEvent } from '../windows/eventlog';
import type { WindowsHostContext } from '../windows/hostState';
import { locateDc } from '../windows/dcLocator';
import { adsyncEvents, writebackEvents } from './events';
import { spaceGet, type Space } from './space';
import type { ConnectConfig, ConnectorSpaceEntry } from './state';
import { https, ldap } from './transport';

/** The writeback listener's relay connection: open it (or send a heartbeat over it), or close it. */
export type RelayOutcome =
  { ok: true } | { ok: false; reason: 'dns' | 'timeout' | 'refused' | 'tls' | 'rejected' };

export function* relayCall(
  host: WindowsHostContext,
  namespace: string,
  tenantId: string,
  serverName: string,
  op: 'listen' | 'heartbeat' | 'close',
): Script<RelayOutcome> {
  const body: Message =
    op === 'listen'
      ? { kind: 'app.relay.listen', tenantId, serverName }
      : op === 'heartbeat'
        ? { kind: 'app.relay.heartbeat', tenantId, serverName }
        : { kind: 'app.relay.close', tenantId };
  const r = yield* https(host, namespace, body, { keepOpen: op !== 'close', closeFlow: op === 'close' });
  if (!r.ok) return r;
  return r.body.kind === 'app.relay.ack' && r.body.ok ? { ok: true } : { ok: false, reason: 'rejected' };
}

export interface WritebackResult {
  response: RelayResponse;
  events: NewEvent[];
}

/** One writeback request from the relay: set (or unlock) the password in AD with the connector account. */
export function* writebackRequest(
  host: WindowsHostContext,
  config: ConnectConfig,
  connectorSpace: Space<ConnectorSpaceEntry>,
  req: RelayRequest,
  netbios: string,
  ldapSignAndEncrypt: boolean,
): Script<WritebackResult> {
  const events: NewEvent[] = [writebackEvents.start(req.op, req.trackingId, req.upn)];
  const done = (ok: boolean, failure?: WritebackFailure, extra: NewEvent[] = []): WritebackResult => {
    events.push(...extra);
    if (!ok) events.push(writebackEvents.fail(req.op, req.trackingId, req.upn));
    else events.push(writebackEvents.success(req.op, req.trackingId, req.upn));
    return { response: { kind: 'app.relay.response', trackingId: req.trackingId, ok, failure }, events };
  };
  const entry = spaceGet(connectorSpace, req.anchor);
  if (!entry) return done(false, 'user-not-found', [writebackEvents.adError(33002, req.trackingId, req.upn)]);
  if (config.staleManagementAgent) return done(false, 'not-enabled', [adsyncEvents.notEnabledOnMa()]);
  if (config.connectorAccount.password.length > 256)
    return done(false, 'unknown', [adsyncEvents.nameTooLong()]);
  if (!ldapSignAndEncrypt && req.op !== 'unlock')
    return done(false, 'unknown', [adsyncEvents.ldapSignEncrypt()]);
  const located = yield* locateDc(host, config.forest);
  if (!located.ok)
    return done(false, 'dc-unreachable', [writebackEvents.adError(33001, req.trackingId, entry.dn)]);
  const op =
    req.op === 'unlock'
      ? ({ op: 'unlock', identity: entry.sam } as const)
      : ({
          op: 'setPassword',
          identity: entry.sam,
          newPassword: req.newPassword ?? '',
          mode: req.op === 'change' ? 'change' : 'writeback-reset',
          oldPassword: req.oldPassword,
          unlock: req.op !== 'change',
        } as const);
  const r = yield* ldap(host, located.dc.dcIp, config.connectorAccount, op);
  if (!r) return done(false, 'dc-unreachable', [writebackEvents.adError(33001, req.trackingId, entry.dn)]);
  if (r.ok) return done(true);
  switch (r.error) {
    case 'access-denied':
      return done(false, 'permissions', [writebackEvents.adError(33004, req.trackingId, entry.dn)]);
    case 'restricted-sam':
      return done(false, 'restricted-sam', [
        writebackEvents.adError(33004, req.trackingId, entry.dn),
        adsyncEvents.accessDenied(config.connectorAccount.user, netbios),
      ]);
    case 'constraint':
      return done(false, 'policy', [
        writebackEvents.adError(33008, req.trackingId, entry.dn),
        adsyncEvents.policyRestriction(),
      ]);
    case 'wrong-password':
      return done(false, 'wrong-password', [writebackEvents.adError(33007, req.trackingId, entry.dn)]);
    case 'account-disabled':
      return done(false, 'disabled', [writebackEvents.adError(33005, req.trackingId, entry.dn)]);
    case 'account-locked':
      return done(false, 'locked', [writebackEvents.adError(33006, req.trackingId, entry.dn)]);
    case 'no-such-object':
      return done(false, 'user-not-found', [writebackEvents.adError(33002, req.trackingId, entry.dn)]);
    default:
      return done(false, 'unknown', [writebackEvents.adError(33001, req.trackingId, entry.dn)]);
  }
}
