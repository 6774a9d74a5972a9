/**
 * What the cloud answers on its public endpoints: the Connect wizard's credential check and
 * configuration, sync exports, password hash sync batches and pings, the writeback relay's
 * listen / heartbeat / close, and the phone's Authenticator registration and notification answers.
 * Pure: the tenant and one packet in; the answer and the next tenant out (and, for phone answers,
 * the flow action to apply).
 */
import type { Message, Packet } from '../net/packets';
import type { AadResult } from '../net/appMessages';
import {
  applyConfigure,
  applyExport,
  applyPhs,
  checkAdmin,
  relayClose,
  relayHeartbeat,
  relayListen,
} from './syncApply';
import type { TenantState } from './tenantState';

export type TenantServe =
  | { kind: 'reply'; body: Message; tenant: TenantState }
  | { kind: 'pushAnswer'; requestId: string; approved: boolean; number?: number }
  | { kind: 'callAnswer'; requestId: string; keys: string }
  | { kind: 'authenticatorRegister'; activationCode: string; phoneId: string; device: string }
  | { kind: 'none' };

const result = (r: Partial<AadResult> & { ok: boolean }): AadResult => ({ kind: 'app.aad.result', ...r });

export function serveTenant(t: TenantState, packet: Packet, now: number): TenantServe {
  const body = packet.body;
  switch (body.kind) {
    case 'app.aad.auth':
      return {
        kind: 'reply',
        tenant: t,
        body: result(
          checkAdmin(t, body.credentials)
            ? { ok: true }
            : {
                ok: false,
                error: 'AADSTS50126: Error validating credentials due to invalid username or password.',
              },
        ),
      };
    case 'app.aad.configure': {
      const r = applyConfigure(t, body);
      return { kind: 'reply', tenant: r.tenant, body: r.result };
    }
    case 'app.aad.export': {
      const r = applyExport(t, body, now);
      return { kind: 'reply', tenant: r.tenant, body: r.result };
    }
    case 'app.aad.import': {
      const valid =
        !!t.connect &&
        t.connect.syncAccount === body.credentials.user &&
        t.connect.syncPassword === body.credentials.password;
      return {
        kind: 'reply',
        tenant: t,
        body: result(
          valid
            ? {
                ok: true,
                items: body.delta
                  ? []
                  : t.users
                      .filter((u) => u.onPremisesSyncEnabled)
                      .map((u) => ({ anchor: u.onPremisesImmutableId ?? '', ok: true })),
              }
            : {
                ok: false,
                errorCode: 115,
                error: 'Access to Windows Azure Active Directory has been denied. Contact Technical Support.',
              },
        ),
      };
    }
    case 'app.aad.phs': {
      const r = applyPhs(t, body, now);
      return { kind: 'reply', tenant: r.tenant, body: r.result };
    }
    case 'app.aad.phsPing':
      return {
        kind: 'reply',
        tenant: t,
        body: result(
          t.connect?.passwordHashSync
            ? { ok: true }
            : {
                ok: false,
                errorCode: 90,
                error: 'Password Synchronization has not been activated for this company.',
              },
        ),
      };
    case 'app.relay.listen': {
      const r =
        body.tenantId === t.tenantId
          ? relayListen(t, body.serverName, packet.src, now)
          : { tenant: t, ok: false };
      return { kind: 'reply', tenant: r.tenant, body: { kind: 'app.relay.ack', ok: r.ok } };
    }
    case 'app.relay.heartbeat': {
      const r =
        body.tenantId === t.tenantId
          ? relayHeartbeat(t, body.serverName, packet.src, now)
          : { tenant: t, ok: false };
      return { kind: 'reply', tenant: r.tenant, body: { kind: 'app.relay.ack', ok: r.ok } };
    }
    case 'app.relay.close':
      return { kind: 'reply', tenant: relayClose(t), body: { kind: 'app.relay.ack', ok: true } };
    case 'app.call.answer':
      return { kind: 'callAnswer', requestId: body.requestId, keys: body.keys };
    case 'app.push.answer':
      return { kind: 'pushAnswer', requestId: body.requestId, approved: body.approved, number: body.number };
    case 'app.authenticator.register':
      return {
        kind: 'authenticatorRegister',
        activationCode: body.activationCode,
        phoneId: body.phoneId,
        device: body.device,
      };
    default:
      return { kind: 'none' };
  }
}
