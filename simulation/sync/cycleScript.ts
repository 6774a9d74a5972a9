/**
 * A sync cycle as a script: import from AD over LDAP, import from and export to Entra ID over
 * HTTPS. It returns data (the connector space, the runs, the log entries); the ADSync actor
 * applies it.
 */
import { hashValue } from '../core/hash';
import { sleep, type Script } from '../proc/script';
import type { UserRecord } from '../roles/dcDirectoryReads';
import { TIMINGS } from '../core/timings';
import type { NewEvent } from '../windows/eventlog';
import type { WindowsHostContext } from '../windows/hostState';
import { locateDc } from '../windows/dcLocator';
import { adsyncEvents } from './events';
import { inScope, planSync, type ReadGroup, type SyncPlan } from './metaverse';
import { spaceGet, spaceWith, type Space } from './space';
import type { ConnectConfig, ConnectorSpaceEntry, ImportedGroup, RunRecord } from './state';
import { ENDPOINTS, https, ldap } from './transport';

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

/** How many of xs pass the test (no array made). */
function countOf<T>(xs: readonly T[], test: (x: T) => boolean): number {
  let n = 0;
  for (const x of xs) if (test(x)) n++;
  return n;
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
  if (plan) {
    const adds = countOf(toExport, (e) => !spaceGet(input.connectorSpace, e.anchor));
    record(config.adConnector, syncProfile, 'success', t0, { adds, updates: toExport.length - adds });
  }
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
      const hashes = plan.exportHashes;
      toExport.forEach((e, i) => {
        const entry = spaceGet(connectorSpace, e.anchor);
        if (entry)
          changes.push([e.anchor, { ...entry, exportedHash: hashes[i] ?? hashValue(e), exportedAt: at }]);
      });
      for (const a of deletes) changes.push([a, undefined]);
      connectorSpace = spaceWith(connectorSpace, changes);
      const gone = new Set(groupDeletes);
      groupsExported = Object.fromEntries([
        ...Object.entries(groupsExported).filter(([a]) => !gone.has(a)),
        ...changedGroups.map((c) => [c.group.anchor, c.hash] as const),
      ]);
      exportedToCloud = true;
      const adds = countOf(toExport, (e) => !spaceGet(input.connectorSpace, e.anchor)?.exportedHash);
      record(config.aadConnector, 'Export', 'success', t0, {
        adds,
        updates: toExport.length - adds,
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
