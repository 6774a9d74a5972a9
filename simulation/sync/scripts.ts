/**
 * The network work Entra Connect does, as scripts: a sync cycle (import from AD over LDAP, import
 * from and export to Entra ID over HTTPS), a password hash sync pass (DRS replication of hashes
 * from the DC, then a provisioning batch to the cloud, or a ping), the writeback listener's
 * relay connection, a writeback request (set the password in AD with the connector account), and
 * the wizard's calls to the cloud. Each returns data; the ADSync actor applies it.
 */
import { hashValue } from '../core/hash';
import { formatShortDateTime } from '../core/time';
import type {
  AadResult,
  Credentials,
  DirResponse,
  RelayRequest,
  RelayResponse,
  WritebackFailure,
} from '../net/appMessages';
import type { Message } from '../net/packets';
import { exchange, sleep, type Script, type ScriptOp, type ScriptResume } from '../proc/script';
import type { UserRecord } from '../roles/dcDirectoryReads';
import { TIMINGS } from '../core/timings';
import type { NewEvent } from '../windows/eventlog';
import { effectiveIpConfig, type WindowsHostContext } from '../windows/hostState';
import { locateDc } from '../windows/dcLocator';
import { resolveName } from '../windows/resolver';
import { adsyncEvents, phsEvents, provisionError, writebackEvents } from './events';
import { inScope, planSync, type ReadGroup, type SyncPlan } from './metaverse';
import { spaceGet, spaceSome, spaceWith, type Space } from './space';
import {
  guidToAnchor,
  type ConnectConfig,
  type ConnectorSpaceEntry,
  type ImportedGroup,
  type PhsState,
  type RunRecord,
} from './state';

type Gen<T> = Generator<ScriptOp, T, ScriptResume>;

export const ENDPOINTS = {
  sync: 'adminwebservice.microsoftonline.com',
  login: 'login.microsoftonline.com',
};

/** HTTPS to a named cloud endpoint: DNS, then TCP 443 with the name as SNI. */
export function* https(
  host: WindowsHostContext,
  name: string,
  body: Message,
  options: { keepOpen?: boolean; closeFlow?: boolean; timeout?: number } = {},
): Gen<{ ok: true; body: Message } | { ok: false; reason: 'dns' | 'timeout' | 'refused' | 'tls' }> {
  const r = yield* resolveName(host, name);
  if (!r.ok) return { ok: false, reason: 'dns' };
  // Microsoft's endpoints accept TLS 1.2 only: without it the handshake fails after the TCP connect.
  if (!host.tls12Active) {
    const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
    const probe = yield* exchange(
      { src, dst: r.ip, transport: 'tcp', port: 443, host: name, body: { kind: 'tcp.syn' } },
      options.timeout ?? TIMINGS.tcpConnectTimeout,
    );
    return {
      ok: false,
      reason: probe.status === 'ok' ? 'tls' : probe.status === 'timeout' ? 'timeout' : 'refused',
    };
  }
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const x = yield* exchange(
    {
      src,
      dst: r.ip,
      transport: 'tcp',
      port: 443,
      host: name,
      keepOpen: options.keepOpen,
      closeFlow: options.closeFlow,
      body,
    },
    options.timeout ?? TIMINGS.tcpConnectTimeout,
  );
  if (x.status === 'ok') return { ok: true, body: x.body };
  return { ok: false, reason: x.status === 'timeout' ? 'timeout' : 'refused' };
}

/** A request to the DC's directory over LDAP (389) with the connector account. */
function* ldap(
  host: WindowsHostContext,
  dcIp: string,
  bind: Credentials,
  op: Extract<Message, { kind: 'app.dir.request' }>['op'],
): Gen<DirResponse | undefined> {
  const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
  const r = yield* exchange(
    { src, dst: dcIp, transport: 'tcp', port: 389, body: { kind: 'app.dir.request', bind, op } },
    TIMINGS.tcpConnectTimeout,
  );
  return r.status === 'ok' && r.body.kind === 'app.dir.response' ? r.body : undefined;
}

export interface CycleInput {
  host: WindowsHostContext;
  config: ConnectConfig;
  policy: 'Delta' | 'Initial';
  staging: boolean;
  connectorSpace: Space<ConnectorSpaceEntry>;
  groupSpace: Record<string, ImportedGroup>;
  groupsExported: Record<string, string>;
  /** The AD connector's delta import watermark (AdSyncState.adWatermark). */
  watermark?: { usn: number; scope: string };
  now: () => number;
}

export interface CycleResult {
  runs: Omit<RunRecord, 'id'>[];
  connectorSpace: Space<ConnectorSpaceEntry>;
  groupSpace: Record<string, ImportedGroup>;
  groupsExported: Record<string, string>;
  events: NewEvent[];
  exportedToCloud: boolean;
  /** The watermark after this cycle (unchanged unless everything it imported was exported). */
  watermark?: { usn: number; scope: string };
}

/** What a watermark depends on besides the USN: the connector's scope. */
function watermarkScope(config: ConnectConfig): string {
  return JSON.stringify([config.forest, config.ouFilter]);
}

export function* syncCycle(input: CycleInput): Script<CycleResult> {
  const { host, config, policy, now } = input;
  const runs: Omit<RunRecord, 'id'>[] = [];
  const events: NewEvent[] = [adsyncEvents.cycleStarted(policy)];
  const importProfile = policy === 'Initial' ? 'Full Import' : 'Delta Import';
  const syncProfile = policy === 'Initial' ? 'Full Synchronization' : 'Delta Synchronization';
  const record = (
    connector: string,
    profile: RunRecord['profile'],
    status: RunRecord['status'],
    start: number,
    counts: Partial<Pick<RunRecord, 'adds' | 'updates' | 'deletes' | 'errors'>> = {},
    detail?: string,
  ) => {
    runs.push({
      connector,
      profile,
      status,
      start,
      end: now(),
      adds: counts.adds ?? 0,
      updates: counts.updates ?? 0,
      deletes: counts.deletes ?? 0,
      errors: counts.errors ?? 0,
      detail,
    });
    if (status !== 'success') events.push(adsyncEvents.runFailed(connector, profile, status));
  };

  // 1. Import from Active Directory. A delta import asks only for the objects whose uSNChanged
  // passed the connector's watermark (as Entra Connect's DirSync-based delta import does); a full
  // import, or a watermark taken under another scope, reads everything.
  let t0 = now();
  const scope = watermarkScope(config);
  const since =
    policy === 'Delta' && input.watermark && input.watermark.scope === scope
      ? input.watermark.usn
      : undefined;
  const located = yield* locateDc(host, config.forest);
  let plan: SyncPlan | undefined;
  let highestUsn = since ?? 0;
  if (!located.ok) {
    record(
      config.adConnector,
      importProfile,
      'stopped-server-down',
      t0,
      {},
      `The domain controller for ${config.forest} could not be located (${located.status}).`,
    );
  } else {
    const u = yield* ldap(host, located.dc.dcIp, config.connectorAccount, {
      op: 'listUsers',
      ...(since !== undefined ? { changedSince: since } : {}),
    });
    // A delta reads the groups that changed (a change of membership changes the group); the groups
    // a changed user belongs to are re-exported from their members as last imported (metaverse.ts).
    const g = u?.ok
      ? yield* ldap(
          host,
          located.dc.dcIp,
          config.connectorAccount,
          since !== undefined ? { op: 'listGroups', changedSince: since } : { op: 'listGroups' },
        )
      : undefined;
    if (!u)
      record(
        config.adConnector,
        importProfile,
        'stopped-server-down',
        t0,
        {},
        'The LDAP server is unavailable.',
      );
    else if (!u.ok)
      record(
        config.adConnector,
        importProfile,
        'no-start-connection',
        t0,
        {},
        'The credentials of the AD DS connector account are not valid.',
      );
    else {
      const read = u.result as UserRecord[];
      const groups = g?.ok ? (g.result as (ReadGroup & { usnChanged?: number })[]) : undefined;
      for (const x of read) highestUsn = Math.max(highestUsn, x.usnChanged);
      for (const x of groups ?? []) highestUsn = Math.max(highestUsn, x.usnChanged ?? 0);
      plan = planSync({
        full: since === undefined,
        users: read.filter((x) => inScope(config, x)),
        leftScope: since !== undefined ? read.filter((x) => !inScope(config, x)) : [],
        groups,
        connectorSpace: input.connectorSpace,
        groupSpace: input.groupSpace,
        groupsExported: input.groupsExported,
      });
      // A full import counts every object it read; a delta, the changed objects it read (and, as
      // deletes, those that left the scope).
      const { adds, updates, deletes } = plan.imported;
      record(
        config.adConnector,
        importProfile,
        'success',
        t0,
        since === undefined ? { adds, updates } : { adds, updates, deletes },
      );
    }
  }

  // 2. Import from Entra ID.
  t0 = now();
  const imp = yield* https(host, ENDPOINTS.sync, {
    kind: 'app.aad.import',
    credentials: config.syncAccount,
    ...(policy === 'Delta' ? { delta: true } : {}),
  });
  const aadOk = imp.ok && imp.body.kind === 'app.aad.result' && imp.body.ok;
  record(
    config.aadConnector,
    importProfile,
    aadOk ? 'success' : imp.ok ? 'no-start-connection' : 'stopped-server-down',
    t0,
  );

  // 3. Synchronisation (metaverse): what the cloud should look like.
  t0 = now();
  let connectorSpace = plan?.connectorSpace ?? input.connectorSpace;
  const toExport = plan?.toExport ?? [];
  const deletes = plan?.deletes ?? [];
  const changedGroups = plan?.groups ?? [];
  const groupDeletes = plan?.groupDeletes ?? [];
  if (plan)
    record(config.adConnector, syncProfile, 'success', t0, {
      adds: toExport.filter((e) => !spaceGet(input.connectorSpace, e.anchor)).length,
      updates: toExport.filter((e) => !!spaceGet(input.connectorSpace, e.anchor)).length,
    });
  record(config.aadConnector, syncProfile, 'success', t0);

  // 4. Export to Entra ID (never from a server in staging mode).
  t0 = now();
  let exportedToCloud = false;
  let groupsExported = input.groupsExported;
  const nothingToExport =
    toExport.length === 0 && deletes.length === 0 && changedGroups.length === 0 && groupDeletes.length === 0;
  if (input.staging) {
    record(config.aadConnector, 'Export', 'success', t0, {}, 'Staging mode: nothing was exported.');
  } else if (!plan || nothingToExport) {
    record(config.aadConnector, 'Export', 'success', t0);
  } else {
    const x = yield* https(host, ENDPOINTS.sync, {
      kind: 'app.aad.export',
      credentials: config.syncAccount,
      users: toExport,
      deletes,
      groups: changedGroups.map((c) => c.group),
      groupDeletes,
    });
    const ok = x.ok && x.body.kind === 'app.aad.result' && x.body.ok;
    if (ok) {
      const at = now();
      // Exported users carry their hash; deleted ones leave the connector space (the cloud has
      // them deleted).
      const changes: [string, ConnectorSpaceEntry | undefined][] = [];
      for (const e of toExport) {
        const entry = spaceGet(connectorSpace, e.anchor);
        if (entry) changes.push([e.anchor, { ...entry, exportedHash: hashValue(e), exportedAt: at }]);
      }
      for (const a of deletes) changes.push([a, undefined]);
      connectorSpace = spaceWith(connectorSpace, changes);
      const gone = new Set(groupDeletes);
      groupsExported = Object.fromEntries([
        ...Object.entries(groupsExported).filter(([a]) => !gone.has(a)),
        ...changedGroups.map((c) => [c.group.anchor, c.hash] as const),
      ]);
      exportedToCloud = true;
      record(config.aadConnector, 'Export', 'success', t0, {
        adds: toExport.filter((e) => !spaceGet(input.connectorSpace, e.anchor)?.exportedHash).length,
        updates: toExport.filter((e) => !!spaceGet(input.connectorSpace, e.anchor)?.exportedHash).length,
        deletes: deletes.length,
      });
    } else {
      record(
        config.aadConnector,
        'Export',
        x.ok ? 'completed-export-errors' : 'stopped-server-down',
        t0,
        { errors: toExport.length },
        x.ok
          ? x.body.kind === 'app.aad.result'
            ? x.body.error
            : undefined
          : 'The cloud service could not be reached.',
      );
    }
  }
  // The engine stays busy for as long as a real cycle takes, so a cycle is "in progress" long enough
  // to be seen (Get-ADSyncConnectorRunStatus, SyncCycleInProgress, a second Start-ADSyncSyncCycle
  // answering "busy"). The work itself lands at the start: the lab does not need the runs' order
  // inside those seconds, and a lab that starts with a cycle has its users in the cloud at once.
  // The watermark moves on only when everything imported reached the cloud: otherwise the next
  // delta reads those objects again (a pending export is retried, as a real connector space does).
  const settled = !!plan && !input.staging && (exportedToCloud || nothingToExport);
  const watermark = settled ? { usn: highestUsn, scope } : input.watermark;
  yield* sleep(TIMINGS.syncCycleBusy);
  events.push(adsyncEvents.cycleCompleted());
  return {
    runs,
    connectorSpace,
    groupSpace: plan?.groupSpace ?? input.groupSpace,
    groupsExported,
    events,
    exportedToCloud,
    watermark,
  };
}

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

/** The wizard's "Connect to Microsoft Entra ID" check. */
export function* checkCloudCredentials(
  host: WindowsHostContext,
  credentials: Credentials,
): Script<'ok' | 'invalid' | 'unreachable'> {
  const r = yield* https(host, ENDPOINTS.login, { kind: 'app.aad.auth', credentials });
  if (!r.ok) return 'unreachable';
  return r.body.kind === 'app.aad.result' && r.body.ok ? 'ok' : 'invalid';
}

/** The wizard's "Configure": tell the cloud the features and the server, and get the sync account. */
export function* configureCloud(
  host: WindowsHostContext,
  credentials: Credentials,
  serverName: string,
  config: ConnectConfig,
): Script<{ ok: boolean; syncAccount?: Credentials; error?: string }> {
  const r = yield* https(host, ENDPOINTS.sync, {
    kind: 'app.aad.configure',
    credentials,
    serverName,
    phs: config.features.passwordHashSync,
    writeback: config.features.passwordWriteback,
    connectorAccount: config.connectorAccount.user,
  });
  if (!r.ok)
    return {
      ok: false,
      error:
        'Unable to connect to Microsoft Entra ID. Check the network connection and proxy settings of this server.',
    };
  if (r.body.kind !== 'app.aad.result' || !r.body.ok)
    return { ok: false, error: r.body.kind === 'app.aad.result' ? r.body.error : 'Unexpected answer.' };
  return { ok: true, syncAccount: r.body.syncAccount };
}
