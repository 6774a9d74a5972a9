/** The scheduler's cmdlets: Start-ADSyncSyncCycle, Get-ADSyncScheduler, Set-ADSyncScheduler. */
import { cmdletSpec } from '../../catalog';
import { warning } from '../../shell/psError';
import { formatTable, psDateValue, psSpan } from '../../shell/psFormat';
import { listed } from '../../shell/psViews';
import type { CommandDef } from '../types';
import { OBJECT_MODEL, adsyncError, local } from './local';

const startSpec = cmdletSpec('Start-ADSyncSyncCycle');

export const startAdSyncSyncCycle: CommandDef = {
  name: 'Start-ADSyncSyncCycle',
  run: (env) =>
    local(
      env,
      startSpec,
      (v) => ({ op: 'startCycle', policy: (v.PolicyType as 'Delta' | 'Initial' | undefined) ?? 'Delta' }),
      (reply) => {
        if (!reply.ok) {
          const message =
            reply.error === 'busy' ? `Connector: ${reply.connector ?? ''} is busy.` : reply.error;
          return {
            lines: adsyncError(
              env,
              startSpec.name,
              'StartADSyncSyncCycleCmdlet',
              'System.InvalidOperationException',
              message,
            ),
          };
        }
        return { lines: formatTable(['Result'], [['Success']]) };
      },
    ),
};

const getSchedulerSpec = cmdletSpec('Get-ADSyncScheduler');

export const getAdSyncScheduler: CommandDef = {
  name: 'Get-ADSyncScheduler',
  run: (env) =>
    local(
      env,
      getSchedulerSpec,
      () => ({ op: 'getScheduler' }),
      (reply) => {
        if (!reply.ok || !('scheduler' in reply)) return { lines: [] };
        const s = reply.scheduler;
        return listed(`${OBJECT_MODEL}.SchedulerSettings`, [
          [
            ['AllowedSyncCycleInterval', psSpan(s.allowedInterval)],
            ['CurrentlyEffectiveSyncCycleInterval', psSpan(s.currentInterval)],
            ['CustomizedSyncCycleInterval', psSpan(s.customizedInterval)],
            ['NextSyncCyclePolicyType', s.nextPolicy],
            // The scheduler reports UTC whatever the server's time zone.
            ['NextSyncCycleStartTimeInUTC', psDateValue(s.nextRunAt, 0)],
            ['PurgeRunHistoryInterval', psSpan(s.purgeRunHistoryInterval)],
            ['SyncCycleEnabled', s.syncCycleEnabled],
            ['MaintenanceEnabled', s.maintenanceEnabled],
            ['StagingModeEnabled', s.stagingMode],
            ['SchedulerSuspended', s.suspended],
            ['SyncCycleInProgress', s.inProgress],
          ],
        ]);
      },
    ),
};

const setSchedulerSpec = cmdletSpec('Set-ADSyncScheduler');

export const setAdSyncScheduler: CommandDef = {
  name: 'Set-ADSyncScheduler',
  run: (env) =>
    local(
      env,
      setSchedulerSpec,
      (v) => {
        if (v.SchedulerSuspended !== undefined) {
          return adsyncError(
            env,
            setSchedulerSpec.name,
            'SetADSyncSchedulerCmdlet',
            'System.InvalidOperationException',
            'Setting SchedulerSuspended is not supported. It is managed by the synchronization service.',
          );
        }
        return {
          op: 'setScheduler',
          syncCycleEnabled: v.SyncCycleEnabled as boolean | undefined,
          customizedInterval: v.CustomizedSyncCycleInterval as number | undefined,
          nextPolicy: v.NextSyncCyclePolicyType as 'Delta' | 'Initial' | undefined,
          maintenanceEnabled: v.MaintenanceEnabled as boolean | undefined,
          purgeRunHistoryInterval: v.PurgeRunHistoryInterval as number | undefined,
        };
      },
      (_reply, v) => ({
        lines:
          v.CustomizedSyncCycleInterval !== undefined
            ? [
                warning(
                  'The sync interval you provided will only become effective after a sync cycle has completed.',
                ),
              ]
            : [],
      }),
    ),
};
