/** Get-ADSyncRunProfileResult: the sync engine's run history. */
import { cmdletSpec } from '../../catalog';
import { RUN_HISTORY_LIMIT, type RunRecord } from '../../../sync/state';
import { bindParams } from '../../shell/bind';
import { formatPsError } from '../../shell/psError';
import { psDateValue, type PsValue } from '../../shell/psFormat';
import { listed } from '../../shell/psViews';
import { cannotConvertArgument } from '../errors';
import { done, type CommandDef } from '../types';
import { OBJECT_MODEL, local } from './local';

/** A stable GUID for a run history entry or run profile (the lab has no database to hand them out). */
function labGuid(seed: string): string {
  const hex = (s: string) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const a = hex(seed) + hex(`${seed}#1`) + hex(`${seed}#2`) + hex(`${seed}#3`);
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
}

/** Run dates as the sync engine stores them (UTC); unconfirmed whether the cmdlet converts them. */
const RUN_DATES_OFFSET_MINUTES = 0;

const runProfileResultSpec = cmdletSpec('Get-ADSyncRunProfileResult');

const GUID_RE = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const GUID_REASON = 'Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).';

export const getAdSyncRunProfileResult: CommandDef = {
  name: 'Get-ADSyncRunProfileResult',
  run: (env) => {
    const spec = runProfileResultSpec;
    const bound = bindParams(spec, env.cmd.args, env.line);
    if (!bound.ok) return done(formatPsError(bound.error));
    for (const p of ['RunHistoryId', 'ConnectorId', 'RunProfileId']) {
      const raw = bound.values[p] as string | undefined;
      if (raw !== undefined && !GUID_RE.test(raw)) {
        const at = env.cmd.args.find((t) => t.text === raw);
        return done(
          cannotConvertArgument(
            env,
            spec,
            { param: p, raw, type: 'System.Guid', reason: GUID_REASON },
            { column: at?.at ?? env.cmd.nameAt, length: at ? at.end - at.at : 1 },
          ),
        );
      }
    }
    return local(
      env,
      spec,
      () => ({ op: 'getRunHistory', count: RUN_HISTORY_LIMIT }),
      (reply, v) => {
        if (!reply.ok || !('runs' in reply)) return { lines: [] };
        const strip = (g: unknown) =>
          typeof g === 'string' ? g.replace(/[{}]/g, '').toLowerCase() : undefined;
        const connectorId = strip(v.ConnectorId);
        const historyId = strip(v.RunHistoryId);
        const profileId = strip(v.RunProfileId);
        const idOf = (name: string) =>
          Object.entries(reply.connectorIds).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ??
          labGuid(name);
        const profileGuid = (r: RunRecord) => labGuid(`${idOf(r.connector)}:${r.profile}`);
        let runs = [...reply.runs]
          .reverse()
          .filter(
            (r) =>
              (!connectorId || idOf(r.connector) === connectorId) &&
              (!historyId || labGuid(`run:${r.id}`) === historyId) &&
              (!profileId || profileGuid(r) === profileId),
          );
        const n = v.NumberRequested as number | undefined;
        if (n !== undefined && n > 0) runs = runs.slice(0, n);
        const offset = env.host.clockOffsetMs;
        return listed(
          `${OBJECT_MODEL}.RunHistory`,
          runs.map((r): [string, PsValue][] => [
            ['RunHistoryId', labGuid(`run:${r.id}`)],
            ['ConnectorId', idOf(r.connector)],
            ['ConnectorName', r.connector],
            ['RunProfileId', profileGuid(r)],
            ['RunProfileName', r.profile],
            ['RunNumber', r.id],
            ['Username', 'NT SERVICE\\ADSync'],
            ['IsRunComplete', true],
            ['Result', r.status],
            ['CurrentStepNumber', 1],
            ['TotalSteps', 1],
            ['StartDate', psDateValue(r.start + offset, RUN_DATES_OFFSET_MINUTES)],
            ['EndDate', psDateValue(r.end + offset, RUN_DATES_OFFSET_MINUTES)],
            ['RunStepResults', `{${labGuid(`step:${r.id}`)}}`],
          ]),
        );
      },
    );
  },
};
