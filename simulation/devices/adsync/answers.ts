/**
 * ADSync's answers to the cmdlets, one named handler per request: each takes the service's
 * context and the request and returns a plan (the reply, a change to the context, or a script
 * that asks the cloud or the directory and answers when it finishes).
 */
import type { Script } from '../../proc/script';
import { cloudPhsFeature, diagnosePhs } from '../../sync/diagnostics';
import { connectorViews, schedulerView, type AdsyncReply, type AdsyncRequest } from '../../sync/requests';
import type { ConnectConfig } from '../../sync/state';
import type { AdSyncPlan } from './plan';
import type { AdSyncContext, HostReader } from './types';

type Op = AdsyncRequest['op'];
type Answer<O extends Op> = (
  context: AdSyncContext,
  request: Extract<AdsyncRequest, { op: O }>,
  requestId: string,
  host: HostReader,
) => AdSyncPlan;

const reply = (requestId: string, r: AdsyncReply): AdSyncPlan => ({ reply: { requestId, reply: r } });

/** The service's configuration (the answers below `answerRequest`'s check run only when it has one). */
const configOf = (c: AdSyncContext) => c.state.config as ConnectConfig;

/** Runs a script and turns what it found into the cmdlet's answer. */
function* requestScript<T>(script: Script<T>, toReply: (value: T) => AdsyncReply): Script<AdsyncReply> {
  return toReply(yield* script);
}

/** A request answered when a script finishes (see `finishJob`'s `request`). */
function ask(context: AdSyncContext, requestId: string, start: () => Script<AdsyncReply>): AdSyncPlan {
  const id = `request-${context.seq + 1}`;
  return {
    patch: { seq: context.seq + 1, jobs: { ...context.jobs, [id]: { kind: 'request', requestId } } },
    spawn: [{ id, start: start as () => Script<unknown> }],
  };
}

export const ANSWERS: { [O in Op]: Answer<O> } = {
  status: (_, __, id) => reply(id, { ok: true, done: true }),
  getScheduler: (c, _, id) =>
    reply(id, { ok: true, scheduler: schedulerView(c.state, c.wizard.page.page !== 'closed') }),
  setScheduler: (c, req, id) => {
    const s = c.state.scheduler;
    return {
      patch: {
        state: {
          ...c.state,
          scheduler: {
            ...s,
            syncCycleEnabled: req.syncCycleEnabled ?? s.syncCycleEnabled,
            customizedInterval: req.customizedInterval ?? s.customizedInterval,
            nextPolicy: req.nextPolicy ?? s.nextPolicy,
            maintenanceEnabled: req.maintenanceEnabled ?? s.maintenanceEnabled,
            purgeRunHistoryInterval: req.purgeRunHistoryInterval ?? s.purgeRunHistoryInterval,
          },
        },
      },
      ...reply(id, { ok: true, done: true }),
    };
  },
  startCycle: (c, req, id) =>
    c.state.cycleInProgress || c.requested
      ? reply(id, { ok: false, error: 'busy', connector: c.state.config?.aadConnector })
      : { patch: { requested: req.policy }, ...reply(id, { ok: true, started: req.policy }) },
  getConnectors: (c, _, id) => reply(id, { ok: true, connectors: connectorViews(configOf(c)) }),
  getPhsConfig: (c, req, id) => {
    const cfg = configOf(c);
    if (req.sourceConnector && req.sourceConnector.toLowerCase() !== cfg.adConnector.toLowerCase())
      return reply(id, { ok: false, error: 'no-such-connector', connector: req.sourceConnector });
    return reply(id, {
      ok: true,
      phs: [{ source: cfg.adConnector, target: cfg.aadConnector, enabled: cfg.features.passwordHashSync }],
    });
  },
  setPhsConfig: (c, req, id) => {
    const cfg = configOf(c);
    if (req.sourceConnector.toLowerCase() !== cfg.adConnector.toLowerCase())
      return reply(id, { ok: false, error: 'no-such-connector', connector: req.sourceConnector });
    return {
      patch: {
        state: {
          ...c.state,
          config: { ...cfg, features: { ...cfg.features, passwordHashSync: req.enable } },
        },
      },
      ...reply(id, { ok: true, done: true }),
    };
  },
  getRunStatus: (c, _, id) =>
    reply(id, {
      ok: true,
      runStatus: c.state.cycleInProgress ? { connector: configOf(c).aadConnector, state: 'Busy' } : undefined,
    }),
  getRunHistory: (c, req, id) =>
    reply(id, {
      ok: true,
      runs: c.state.runHistory.slice(-req.count),
      connectorIds: Object.fromEntries(connectorViews(configOf(c)).map((v) => [v.name, v.identifier])),
    }),
  getConnectorAccount: (c, _, id) => {
    const cfg = configOf(c);
    return reply(id, {
      ok: true,
      account: { name: cfg.connectorAccount.user, domain: cfg.forest, connector: cfg.adConnector },
    });
  },
  diagnosePhs: (c, req, id, readHost) => {
    const input = {
      host: readHost(),
      config: configOf(c),
      stagingMode: c.state.scheduler.stagingMode,
      netbios: c.netbios,
      serverName: c.state.serverName,
      bind: req.bind,
    };
    return ask(c, id, () =>
      requestScript(diagnosePhs(input), (diagnostics): AdsyncReply => ({ ok: true, diagnostics })),
    );
  },
  getCompanyFeature: (c, _, id, readHost) => {
    const host = readHost();
    const serverName = c.state.serverName;
    return ask(c, id, () =>
      requestScript(cloudPhsFeature(host, serverName), (r): AdsyncReply =>
        r.ok
          ? { ok: true, companyFeature: { passwordHashSync: r.passwordHashSync } }
          : { ok: false, error: 'cloud-unreachable', detail: r.detail },
      ),
    );
  },
};

/** The answer to a cmdlet; without a configuration only the status and the scheduler answer. */
export function answerRequest(
  context: AdSyncContext,
  requestId: string,
  request: AdsyncRequest,
  host: HostReader,
): AdSyncPlan {
  if (!context.state.config && request.op !== 'getScheduler' && request.op !== 'status')
    return reply(requestId, { ok: false, error: 'not-configured' });
  return (ANSWERS[request.op] as Answer<Op>)(context, request, requestId, host);
}

/** Every request fails while the service is stopped. */
export const answerStopped = (requestId: string): AdSyncPlan =>
  reply(requestId, { ok: false, error: 'service-stopped' });
