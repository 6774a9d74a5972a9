/**
 * sc.exe: query, queryex, start, stop, config, qc, GetDisplayName and GetKeyName on this host's
 * Service Control Manager (a \\server other than this host is unreachable); `sc` in PowerShell is
 * Set-Content, as on Windows.
 */
import type { HostEffect } from '../../../windows/hostOps';
import type { WindowsHostContext } from '../../../windows/hostState';
import { specOf, type ServiceState, type StartType } from '../../../windows/services';
import { out } from '../../shell/psError';
import { infoOf, SC_START, scBlock, TYPE_TEXT } from './scStatus';
import { SC_CONFIG_USAGE, SC_MESSAGES, SC_START_TYPES, SC_USAGE, scError } from './scText';
import { scmStartTypeEvent, UNSTOPPABLE } from './controlManager';
import { byName, dependents, onHost, startChain } from './hostServices';
import { done, type CommandDef, type CommandEnv, type CommandOutcome } from '../types';

function scFind(host: WindowsHostContext, name: string | undefined): ServiceState | undefined {
  if (!name) return undefined;
  return onHost(host).find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function runSc(env: CommandEnv): CommandOutcome {
  const args = env.cmd.args.map((a) => a.text);
  // A leading \\server names the machine: only this one is reachable through its own SCM here.
  if (args[0]?.startsWith('\\\\')) {
    const server = args[0].slice(2).toLowerCase();
    const self = [
      env.host.hostname.toLowerCase(),
      `${env.host.hostname}.${env.host.domainFqdn}`.toLowerCase(),
      'localhost',
      '127.0.0.1',
    ];
    if (!self.includes(server))
      return done(scError('[SC] OpenSCManager FAILED 1722:', '', 'The RPC server is unavailable.', ''));
    args.shift();
  }
  const command = args[0]?.toLowerCase();
  const name = args[1];
  const svc = scFind(env.host, name);
  const missing = (prefix: string) =>
    done(scError(`[SC] ${prefix} FAILED 1060:`, '', SC_MESSAGES.noService, ''));
  switch (command) {
    case 'query':
    case 'queryex': {
      const ex = command === 'queryex';
      // `sc query` with options only (type= / state=) enumerates.
      if (!name || /=$/.test(name)) {
        const stateIdx = args.findIndex((a) => a.toLowerCase() === 'state=');
        const state = stateIdx >= 0 ? args[stateIdx + 1]?.toLowerCase() : 'active';
        const list = onHost(env.host)
          .sort(byName)
          .filter((s) =>
            state === 'all' ? true : state === 'inactive' ? s.status !== 'Running' : s.status === 'Running',
          );
        return done(out(...list.flatMap((s) => scBlock(env.host, s, { ex, display: true })), ''));
      }
      if (!svc) return missing('EnumQueryServicesStatus:OpenService');
      return done(out(...scBlock(env.host, svc, { ex }), ''));
    }
    case 'start': {
      if (!name)
        return done(
          out(
            'DESCRIPTION:',
            '        Starts a service running.',
            'USAGE:',
            '        sc <server> start [service name] <arg1> <arg2> ...',
          ),
        );
      if (!svc) return missing('OpenService');
      if (svc.status === 'Running')
        return done(scError('[SC] StartService FAILED 1056:', '', SC_MESSAGES.alreadyRunning, ''));
      const chain = startChain(env.host, svc);
      if (chain.some((x) => x.startType === 'Disabled'))
        return done(scError('[SC] StartService FAILED 1058:', '', SC_MESSAGES.disabled, ''));
      return done(
        out(...scBlock(env.host, svc, { state: 'start' }), ''),
        chain.map((x): HostEffect => ({ type: 'service', op: 'start', name: x.name })),
      );
    }
    case 'stop': {
      if (!name)
        return done(
          out(
            'DESCRIPTION:',
            '        Sends a STOP control request to a service.',
            'USAGE:',
            '        sc <server> stop [service name]',
          ),
        );
      if (!svc) return missing('OpenService');
      if (svc.status !== 'Running')
        return done(scError('[SC] ControlService FAILED 1062:', '', SC_MESSAGES.notStarted, ''));
      if (dependents(env.host, svc.name).some((d) => d.status === 'Running'))
        return done(scError('[SC] ControlService FAILED 1051:', '', SC_MESSAGES.dependents, ''));
      if (UNSTOPPABLE.includes(svc.name))
        return done(scError('[SC] ControlService FAILED 1052:', '', SC_MESSAGES.notValid, ''));
      return done(out(...scBlock(env.host, svc, { state: 'stop' }), ''), [
        { type: 'service', op: 'stop', name: svc.name },
      ]);
    }
    case 'config': {
      if (!name) return done(out(...SC_CONFIG_USAGE));
      const opts = args.slice(2);
      // Options come as `start=` followed by the value (sc needs the space after the equal sign).
      const effects: HostEffect[] = [];
      let startType: StartType | 'bad' | undefined;
      for (let i = 0; i < opts.length; i++) {
        const o = (opts[i] as string).toLowerCase();
        if (!o.endsWith('=') || opts[i + 1] === undefined) return done(out(...SC_CONFIG_USAGE));
        const value = (opts[++i] as string).toLowerCase();
        if (o === 'start=') {
          startType = SC_START_TYPES[value];
          if (!startType) return done(out(...SC_CONFIG_USAGE));
        } else if (
          ![
            'type=',
            'error=',
            'binpath=',
            'group=',
            'tag=',
            'depend=',
            'obj=',
            'displayname=',
            'password=',
          ].includes(o)
        ) {
          return done(out(...SC_CONFIG_USAGE));
        }
      }
      if (!svc) return missing('OpenService');
      if (startType === 'bad')
        return done(scError('[SC] ChangeServiceConfig FAILED 87:', '', SC_MESSAGES.badParameter, ''));
      if (startType && startType !== svc.startType)
        effects.push(
          { type: 'serviceStartType', name: svc.name, startType },
          scmStartTypeEvent(svc, startType),
        );
      return done(out('[SC] ChangeServiceConfig SUCCESS'), effects);
    }
    case 'qc': {
      if (!name)
        return done(
          out(
            'DESCRIPTION:',
            '        Queries the configuration information for a service.',
            'USAGE:',
            '        sc <server> qc [service name] <bufferSize>',
          ),
        );
      if (!svc) return missing('OpenService');
      const info = infoOf(svc.name);
      const deps = specOf(svc.name)?.dependsOn ?? [];
      return done(
        out(
          '[SC] QueryServiceConfig SUCCESS',
          '',
          `SERVICE_NAME: ${svc.name}`,
          `        TYPE               : ${TYPE_TEXT[info.type] ?? String(info.type)}`,
          `        START_TYPE         : ${SC_START[svc.startType]}`,
          '        ERROR_CONTROL      : 1   NORMAL',
          `        BINARY_PATH_NAME   : ${info.path}`,
          '        LOAD_ORDER_GROUP   :',
          '        TAG                : 0',
          `        DISPLAY_NAME       : ${svc.displayName}`,
          `        DEPENDENCIES       : ${deps[0] ?? ''}`.trimEnd(),
          ...deps.slice(1).map((d) => `                           : ${d}`),
          `        SERVICE_START_NAME : ${info.account}`,
          '',
        ),
      );
    }
    case 'getdisplayname':
      if (!svc) return missing('GetServiceDisplayName');
      return done(out(`[SC] GetServiceDisplayName SUCCESS  Name = ${svc.displayName}`));
    case 'getkeyname': {
      const byDisplay = onHost(env.host).find(
        (s) => s.displayName.toLowerCase() === (name ?? '').toLowerCase(),
      );
      if (!byDisplay) return missing('GetServiceKeyName');
      return done(out(`[SC] GetServiceKeyName SUCCESS  Name = ${byDisplay.name}`));
    }
    default:
      return done(out(...SC_USAGE));
  }
}

/** sc.exe, in cmd and (as sc.exe) in PowerShell. */
export const scExe: CommandDef = {
  name: 'sc.exe',
  run: runSc,
};

/**
 * `sc` in cmd is sc.exe; in Windows PowerShell 5.1 it is the alias of Set-Content, so `sc query
 * ADSync` quietly writes "ADSync" into a file named "query" and prints nothing. The lab keeps that
 * trap (it has no file system to write to).
 */
export const sc: CommandDef = {
  name: 'sc',
  run: (env) => (env.shell === 'cmd' ? runSc(env) : done([])),
};
