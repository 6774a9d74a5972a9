/**
 * The connectors' cmdlets: Get-ADSyncConnector, Get-ADSyncADConnectorAccount,
 * Get-ADSyncConnectorRunStatus, Get-/Set-ADSyncAADPasswordSyncConfiguration.
 */
import { connectorRecord } from './connectorObject';
import { cmdletSpec } from '../../catalog';
import type { PsValue } from '../../shell/psFormat';
import { listed, shown } from '../../shell/psViews';
import type { CommandDef } from '../types';
import { OBJECT_MODEL, adsyncError, local } from './local';

const getConnectorSpec = cmdletSpec('Get-ADSyncConnector');

export const getAdSyncConnector: CommandDef = {
  name: 'Get-ADSyncConnector',
  run: (env) =>
    local(
      env,
      getConnectorSpec,
      () => ({ op: 'getConnectors' }),
      (reply, v) => {
        if (!reply.ok || !('connectors' in reply)) return { lines: [] };
        const name = (v.Name as string | undefined)?.toLowerCase();
        const list = reply.connectors.filter((c) => !name || c.name.toLowerCase() === name);
        if (name && list.length === 0) {
          return {
            lines: adsyncError(
              env,
              getConnectorSpec.name,
              'GetADSyncConnectorCmdlet',
              'System.ArgumentException',
              `Connector '${v.Name as string}' could not be found.`,
            ),
          };
        }
        return listed(`${OBJECT_MODEL}.Connector`, list.map(connectorRecord));
      },
    ),
};

const connectorAccountSpec = cmdletSpec('Get-ADSyncADConnectorAccount');

/**
 * Get-ADSyncADConnectorAccount (ADSyncConfig.psm1): reads each AD connector's connectivity
 * parameters through Get-ADSyncConnector and prints one object per connector, four properties, so
 * PowerShell shows a table (Microsoft Learn, "ADSyncConfig PowerShell Reference").
 */
export const getAdSyncAdConnectorAccount: CommandDef = {
  name: 'Get-ADSyncADConnectorAccount',
  run: (env) =>
    local(
      env,
      connectorAccountSpec,
      () => ({ op: 'getConnectorAccount' }),
      (reply) => {
        if (!reply.ok || !('account' in reply)) return { lines: [] };
        const a = reply.account;
        return shown('System.Management.Automation.PSCustomObject', [
          [
            ['ADConnectorName', a.connector],
            ['ADConnectorForest', a.domain],
            ['ADConnectorAccountName', a.name],
            ['ADConnectorAccountDomain', a.domain],
          ],
        ]);
      },
    ),
};

const runStatusSpec = cmdletSpec('Get-ADSyncConnectorRunStatus');

export const getAdSyncConnectorRunStatus: CommandDef = {
  name: 'Get-ADSyncConnectorRunStatus',
  run: (env) =>
    local(
      env,
      runStatusSpec,
      () => ({ op: 'getRunStatus' }),
      (reply) => {
        if (!reply.ok || !('runStatus' in reply) || !reply.runStatus) return { lines: [] };
        return shown(`${OBJECT_MODEL}.ConnectorRunStatus`, [
          [
            ['RunState', reply.runStatus.state],
            ['ConnectorName', reply.runStatus.connector],
          ],
        ]);
      },
    ),
};

const getPhsSpec = cmdletSpec('Get-ADSyncAADPasswordSyncConfiguration');

export const getAdSyncPhsConfig: CommandDef = {
  name: 'Get-ADSyncAADPasswordSyncConfiguration',
  run: (env) =>
    local(
      env,
      getPhsSpec,
      (v) => ({ op: 'getPhsConfig', sourceConnector: v.SourceConnector as string }),
      (reply, v) => {
        if (!reply.ok && reply.error === 'no-such-connector') {
          return {
            lines: adsyncError(
              env,
              getPhsSpec.name,
              'GetADSyncAADPasswordSyncConfigurationCmdlet',
              'System.ArgumentException',
              `Connector '${v.SourceConnector as string}' could not be found.`,
            ),
          };
        }
        if (!reply.ok || !('phs' in reply)) return { lines: [] };
        return shown(
          `${OBJECT_MODEL}.AADPasswordSyncConfiguration`,
          reply.phs.map((p): [string, PsValue][] => [
            ['SourceConnector', p.source],
            ['TargetConnector', p.target],
            ['Enabled', p.enabled],
          ]),
        );
      },
    ),
};

const setPhsSpec = cmdletSpec('Set-ADSyncAADPasswordSyncConfiguration');

export const setAdSyncPhsConfig: CommandDef = {
  name: 'Set-ADSyncAADPasswordSyncConfiguration',
  run: (env) =>
    local(
      env,
      setPhsSpec,
      (v) => ({
        op: 'setPhsConfig',
        sourceConnector: v.SourceConnector as string,
        targetConnector: v.TargetConnector as string,
        enable: v.Enable as boolean,
      }),
      (reply, v) => {
        if (!reply.ok && reply.error === 'no-such-connector') {
          return {
            lines: adsyncError(
              env,
              setPhsSpec.name,
              'SetADSyncAADPasswordSyncConfigurationCmdlet',
              'System.ArgumentException',
              `Connector '${v.SourceConnector as string}' could not be found.`,
            ),
          };
        }
        return { lines: [] };
      },
    ),
};
