/**
 * A password hash sync pass as a script: DRS replication of hashes from the DC, then a
 * provisioning batch to the cloud, or a ping. It returns data; the ADSync actor applies it.
 */
import { formatShortDateTime } from '../core/time';
import type { AadResult } from '../net/appMessages';
import { exchange, type Script } from '../proc/script';
import { TIMINGS } from '../core/timings';
import type { NewEvent } from '../windows/eventlog';
import { effectiveIpConfig, type WindowsHostContext } from '../windows/hostState';
import { locateDc } from '../windows/dcLocator';
import { phsEvents, provisionError } from './events';
import { spaceGet, spaceSome, type Space } from './space';
import { guidToAnchor, type ConnectConfig, type ConnectorSpaceEntry, type PhsState } from './state';
import { ENDPOINTS, https } from './transport';

export interface PhsInput {
  host: WindowsHostContext;
  config: ConnectConfig;
  phs: PhsState;
  connectorSpace: Space<ConnectorSpaceEntry>;
  serverName: string;
  tracking: string;
  offsetMinutes: number;
  now: () => number;
}

export interface PhsResult {
  phs: PhsState;
  events: NewEvent[];
  /** The pass did nothing because no directory sync had exported users yet (event 613). */
  paused?: boolean;
}

const PING_EVERY = TIMINGS.syncPing;

export function* phsPass(input: PhsInput): Script<PhsResult> {
  const { host, config, now } = input;
  const events: NewEvent[] = [];
  const phs: PhsState = { ...input.phs, lastRunAt: now() };
  const located = yield* locateDc(host, config.forest);
  if (!located.ok) {
    events.push(
      phsEvents.domainFailed(
        config.forest,
        'Microsoft.Online.PasswordSynchronization.DirectoryReplicationServices.DrsException: RPC Error 1722: The RPC server is unavailable. There was an error calling _IDL_DRSBind.',
      ),
    );
    return { phs, events };
  }
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const drs = yield* exchange(
    {
      src,
      dst: located.dc.dcIp,
      transport: 'tcp',
      port: 135,
      body: { kind: 'app.drs.getChanges', bind: config.connectorAccount, domain: config.forest },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (drs.status !== 'ok' || drs.body.kind !== 'app.drs.changes' || !drs.body.ok) {
    const code = drs.status === 'ok' && drs.body.kind === 'app.drs.changes' ? drs.body.rpcError : 1722;
    const text =
      code === 8453
        ? 'RPC Error 8453: Replication access was denied. There was an error calling _IDL_DRSGetNCChanges.'
        : code === 1326
          ? 'RPC Error 1326: The user name or password is incorrect. There was an error calling _IDL_DRSBind.'
          : 'RPC Error 1722: The RPC server is unavailable. There was an error calling _IDL_DRSBind.';
    events.push(
      phsEvents.domainFailed(
        config.forest,
        `Microsoft.Online.PasswordSynchronization.DirectoryReplicationServices.DrsException: ${text}`,
      ),
    );
    return { phs, events };
  }
  const items = drs.body.items;
  // Password hash sync waits for a directory synchronisation to have put the users in the cloud.
  if (!spaceSome(input.connectorSpace, (e) => e.exportedAt !== undefined)) {
    events.push(phsEvents.notActivatedPaused());
    return { phs, events, paused: true };
  }
  const full = !phs.fullSyncDone;
  const batch: { anchor: string; dn: string; password: string; guid: string; pwdLastSet: number }[] = [];
  const log = [...phs.log];
  for (const i of items) {
    // The connector space is keyed by the anchor, a function of the object's GUID.
    const entry = spaceGet(input.connectorSpace, guidToAnchor(i.guid));
    if (!entry) continue;
    if (!full && phs.synced[i.guid] === i.pwdLastSet) continue;
    if (i.mustChange) {
      log.push({ time: now(), dn: i.dn, status: 'FilteredByTarget' });
      continue;
    }
    if (!entry.exportedAt) {
      log.push({ time: now(), dn: i.dn, status: 'TargetNotExportedToDirectory' });
      continue;
    }
    batch.push({
      anchor: entry.anchor,
      dn: i.dn,
      password: i.password,
      guid: i.guid,
      pwdLastSet: i.pwdLastSet,
    });
  }
  if (full) events.push(phsEvents.fullStartForest(config.forest), phsEvents.fullStartDomain(config.forest));
  if (batch.length > 0) {
    events.push(phsEvents.batchStart(batch.length));
    for (const b of batch)
      events.push(phsEvents.request(b.anchor, b.dn, formatShortDateTime(b.pwdLastSet, input.offsetMinutes)));
    const r = yield* https(host, ENDPOINTS.sync, {
      kind: 'app.aad.phs',
      serverName: input.serverName,
      items: batch.map(({ anchor, dn, password }) => ({ anchor, dn, password })),
    });
    const res: AadResult | undefined = r.ok && r.body.kind === 'app.aad.result' ? r.body : undefined;
    if (!res || !res.ok) {
      events.push(
        phsEvents.batchFailed(
          res?.errorCode
            ? provisionError(res.errorCode, input.tracking, input.serverName)
            : 'System.Net.WebException: Unable to connect to the remote server',
        ),
      );
      for (const b of batch) log.push({ time: now(), dn: b.dn, status: 'Error' });
      return { phs: { ...phs, log: log.slice(-200) }, events };
    }
    const synced = { ...phs.synced };
    for (const b of batch) {
      const okItem = res.items?.find((x) => x.anchor === b.anchor)?.ok ?? false;
      events.push(phsEvents.result(b.anchor, b.dn, okItem));
      log.push({ time: now(), dn: b.dn, status: okItem ? 'Success' : 'Error' });
      if (okItem) synced[b.guid] = b.pwdLastSet;
    }
    events.push(phsEvents.batchEnd(batch.length));
    if (full) events.push(phsEvents.fullDoneDomain(config.forest), phsEvents.fullDoneForest(config.forest));
    return {
      phs: {
        ...phs,
        synced,
        fullSyncDone: true,
        lastHeartbeatAt: now(),
        lastPingAt: now(),
        log: log.slice(-200),
      },
      events,
    };
  }
  if (full) events.push(phsEvents.fullDoneDomain(config.forest), phsEvents.fullDoneForest(config.forest));
  const next = { ...phs, fullSyncDone: true, log: log.slice(-200) };
  if (phs.lastPingAt === undefined || now() - phs.lastPingAt >= PING_EVERY) {
    events.push(phsEvents.pingStart());
    const r = yield* https(host, ENDPOINTS.sync, { kind: 'app.aad.phsPing', serverName: input.serverName });
    const res = r.ok && r.body.kind === 'app.aad.result' ? r.body : undefined;
    if (res?.ok) {
      events.push(phsEvents.pingEnd());
      return { phs: { ...next, lastPingAt: now(), lastHeartbeatAt: now() }, events };
    }
    events.push(
      phsEvents.pingFailed(
        res?.errorCode
          ? provisionError(res.errorCode, input.tracking, input.serverName)
          : 'System.Net.WebException: Unable to connect to the remote server',
      ),
    );
    return { phs: { ...next, lastPingAt: now() }, events };
  }
  return { phs: next, events };
}
