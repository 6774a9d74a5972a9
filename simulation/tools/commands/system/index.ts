/**
 * System-administration commands of the lab's Windows hosts: services (sysServices.ts), event logs
 * (sysEventLog.ts), the registry (sysRegistry.ts), and here the machine itself: Restart-Computer,
 * shutdown.exe, Stop-Computer (which the lab declines: a learner cannot power a lab machine back
 * on from its own console), systeminfo, and Import-Module (the modules each host has).
 */
import { cmdletSpec } from '../../catalog';
import { systeminfoDate, toLocal } from '../time/hostTime';
import { bind } from '../args';
import { cmdletError, missingMandatory } from '../errors';
import { sleep, type Script } from '../../../proc/script';
import { effectiveIpConfig, type ConsoleLine, type WindowsHostContext } from '../../../windows/hostState';
import { formatPsError, out } from '../../shell/psError';
import { EVENTLOG_COMMANDS } from '../eventLog';
import { REGISTRY_COMMANDS } from '../registry';
import { SERVICE_COMMANDS } from '../services';
import { done, type CommandDef, type CommandResult } from '../types';

/** What the lab's console says where the real command would do something the lab does not allow. */
export const POWER_TEXT = {
  noPowerOff: (host: string) =>
    `The lab keeps ${host} running: shutting it down from its own console is not available. Use Restart-Computer (or shutdown /r) to restart it, or turn it off from the lab's device panel.`,
  noRemote: (target: string) =>
    `The lab cannot restart ${target} from this console: open ${target}'s own console to restart it.`,
} as const;

function isLocal(host: WindowsHostContext, name: string): boolean {
  const n = name.toLowerCase();
  const ip = effectiveIpConfig(host.nic).ip;
  return [
    '.',
    'localhost',
    '127.0.0.1',
    host.hostname.toLowerCase(),
    `${host.hostname}.${host.domainFqdn}`.toLowerCase(),
    ...(ip ? [ip] : []),
  ].includes(n);
}

// ---------------------------------------------------------------------------------------------
// Restart-Computer / Stop-Computer

const restartSpec = cmdletSpec('Restart-Computer');

export const restartComputer: CommandDef = {
  name: 'Restart-Computer',
  run: (env) => {
    const b = bind(env, restartSpec);
    if (!b.ok) return done(formatPsError(b.error));
    const targets = (b.values.ComputerName as string[] | undefined) ?? ['localhost'];
    const remote = targets.filter((t) => !isLocal(env.host, t));
    if (remote.length > 0)
      return done(remote.map((t) => ({ kind: 'warning', text: POWER_TEXT.noRemote(t) })));
    if (b.values.WhatIf)
      return done(
        out(
          `What if: Performing the operation "Enable the Remote shutdown access rights and restart the computer." on target "${env.host.hostname} (localhost)".`,
        ),
      );
    return done([], [{ type: 'restart' }]);
  },
};

const stopSpec = cmdletSpec('Stop-Computer');

export const stopComputer: CommandDef = {
  name: 'Stop-Computer',
  run: (env) => {
    const b = bind(env, stopSpec);
    if (!b.ok) return done(formatPsError(b.error));
    return done([{ kind: 'warning', text: POWER_TEXT.noPowerOff(env.host.hostname) }]);
  },
};

// ---------------------------------------------------------------------------------------------
// shutdown.exe

export const SHUTDOWN_USAGE = [
  'Usage: shutdown [/i | /l | /s | /sg | /r | /g | /a | /p | /h | /e | /o] [/hybrid] [/soft] [/fw] [/f]',
  '    [/m \\\\computer][/t xxx][/d [p|u:]xx:yy [/c "comment"]]',
  '',
  '    No args    Display help. This is the same as typing /?.',
  '    /?         Display help. This is the same as not typing any options.',
  '    /i         Display the graphical user interface (GUI).',
  '               This must be the first option.',
  '    /l         Log off. This cannot be used with /m or /d options.',
  '    /s         Shutdown the computer.',
  '    /sg        Shutdown the computer. On the next boot, if Automatic Restart Sign-On',
  '               is enabled, automatically sign in and lock last interactive user.',
  '               After sign in, restart any registered applications.',
  '    /r         Full shutdown and restart the computer.',
  '    /g         Full shutdown and restart the computer. After the system is rebooted,',
  '               if Automatic Restart Sign-On is enabled, automatically sign in and',
  '               lock last interactive user.',
  '               After sign in, restart any registered applications.',
  '    /a         Abort a system shutdown.',
  '               This can only be used during the time-out period.',
  '               Combine with /fw to clear any pending boots to firmware.',
  '    /p         Turn off the local computer with no time-out or warning.',
  '               Can be used with /d and /f options.',
  '    /h         Hibernate the local computer.',
  '               Can be used with the /f option.',
  '    /m \\\\computer Specify the target computer.',
  '    /t xxx     Set the time-out period before shutdown to xxx seconds.',
  '               The valid range is 0-315360000 (10 years), with a default of 30.',
  '               If the timeout period is greater than 0, the /f parameter is',
  '               implied.',
  '    /c "comment" Comment on the reason for the restart or shutdown.',
  '               Maximum of 512 characters allowed.',
  '    /f         Force running applications to close without forewarning users.',
  '               The /f parameter is implied when a value greater than 0 is',
  '               specified for the /t parameter.',
  '    /d [p|u:]xx:yy  Provide the reason for the restart or shutdown.',
];

function* delayedRestart(seconds: number): Script<CommandResult> {
  yield* sleep(seconds * 1000);
  return { lines: [], effects: [{ type: 'restart' }] };
}

export const shutdownExe: CommandDef = {
  name: 'shutdown',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const usage = () => done(out(...SHUTDOWN_USAGE));
    if (args.length === 0) return usage();
    let action: string | undefined;
    let timeout = 30;
    let target: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = (args[i] as string).toLowerCase().replace(/^-/, '/');
      if (['/r', '/g', '/s', '/sg', '/p', '/h', '/l', '/a', '/i', '/e', '/o'].includes(a)) {
        if (action && action !== a) return usage();
        action = a;
      } else if (a === '/t') {
        const v = args[++i];
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > 315360000) return usage();
        timeout = Number(v);
      } else if (a === '/m') {
        target = args[++i];
        if (target === undefined) return usage();
      } else if (a === '/c' || a === '/d') {
        if (args[++i] === undefined) return usage();
      } else if (a === '/f' || a === '/hybrid' || a === '/soft' || a === '/fw') {
        continue;
      } else return usage();
    }
    if (!action || action === '/?') return usage();
    if (target && !isLocal(env.host, target.replace(/^\\\\/, '')))
      return done([{ kind: 'warning', text: POWER_TEXT.noRemote(target.replace(/^\\\\/, '')) }]);
    if (action === '/a')
      return done([
        {
          kind: 'error',
          text: 'Unable to abort the system shutdown because no shutdown was in progress.(1116)',
        },
      ]);
    if (action === '/r' || action === '/g') {
      if (timeout === 0) return done([], [{ type: 'restart' }]);
      return { kind: 'script', script: () => delayedRestart(timeout) };
    }
    if (action === '/l') return done([]);
    return done([{ kind: 'warning', text: POWER_TEXT.noPowerOff(env.host.hostname) }]);
  },
};

// ---------------------------------------------------------------------------------------------
// systeminfo

function osConfiguration(host: WindowsHostContext): string {
  if (host.kind === 'dc') return 'Primary Domain Controller';
  return host.kind === 'client' ? 'Member Workstation' : 'Member Server';
}

/** The logon server of the console's domain user: the DC that authenticated it. */
function logonServer(host: WindowsHostContext): string {
  if (host.kind === 'dc') return `\\\\${host.hostname}`;
  const src = host.time.source.split(',')[0] ?? '';
  const label = src.toLowerCase().endsWith(`.${host.domainFqdn.toLowerCase()}`)
    ? src.split('.')[0]
    : undefined;
  return label ? `\\\\${label.toUpperCase()}` : 'N/A';
}

export const systeminfo: CommandDef = {
  name: 'systeminfo',
  run: (env) => {
    const h = env.host;
    const build = h.osBuild.split('.');
    const version = `${build.slice(0, 3).join('.')} N/A Build ${build[2] ?? ''}`;
    const cfg = effectiveIpConfig(h.nic);
    const field = (name: string, value: string) => `${`${name}:`.padEnd(27)}${value}`.trimEnd();
    const installDate = toLocal(env, h.bootedAt - 30 * 24 * 3600_000);
    const lines = [
      '',
      field('Host Name', h.hostname),
      field('OS Name', h.os),
      field('OS Version', version),
      field('OS Manufacturer', 'Microsoft Corporation'),
      field('OS Configuration', osConfiguration(h)),
      field('OS Build Type', 'Multiprocessor Free'),
      field('Registered Owner', 'Windows User'),
      field('Registered Organization', ''),
      field('Original Install Date', systeminfoDate(installDate)),
      field('System Boot Time', systeminfoDate(toLocal(env, h.bootedAt))),
      field('System Manufacturer', 'Microsoft Corporation'),
      field('System Model', 'Virtual Machine'),
      field('System Type', 'x64-based PC'),
      field('Windows Directory', 'C:\\Windows'),
      field('System Directory', 'C:\\Windows\\system32'),
      field('Boot Device', '\\Device\\HarddiskVolume1'),
      field('System Locale', 'en-us;English (United States)'),
      field('Input Locale', 'en-us;English (United States)'),
      field('Domain', h.domainFqdn),
      field('Logon Server', logonServer(h)),
      field('Network Card(s)', '1 NIC(s) Installed.'),
      `${' '.repeat(27)}[01]: ${h.nic.description}`,
      `${' '.repeat(33)}Connection Name: ${h.nic.name}`,
      ...(cfg.ip
        ? [
            `${' '.repeat(33)}DHCP Enabled:    ${h.nic.dhcpEnabled ? 'Yes' : 'No'}`,
            ...(cfg.source === 'dhcp' && h.nic.lease
              ? [`${' '.repeat(33)}DHCP Server:     ${h.nic.lease.server}`]
              : []),
            `${' '.repeat(33)}IP address(es)`,
            `${' '.repeat(33)}[01]: ${cfg.ip}`,
            `${' '.repeat(33)}[02]: ${h.nic.linkLocalV6}`,
          ]
        : [`${' '.repeat(33)}Status:          Media disconnected`]),
      field(
        'Hyper-V Requirements',
        'A hypervisor has been detected. Features required for Hyper-V will not be displayed.',
      ),
    ];
    return done(out(...lines));
  },
};

// ---------------------------------------------------------------------------------------------
// Import-Module

const COMMON_MODULES = [
  'Microsoft.PowerShell.Management',
  'Microsoft.PowerShell.Utility',
  'Microsoft.PowerShell.Security',
  'CimCmdlets',
  'DnsClient',
  'NetAdapter',
  'NetSecurity',
  'NetTCPIP',
  'PKI',
  'ScheduledTasks',
];

/** The modules each host can load (RSAT's ActiveDirectory on the DC and the Connect server). */
function modulesOf(host: WindowsHostContext): string[] {
  const m = [...COMMON_MODULES];
  if (host.kind === 'dc')
    m.push('ActiveDirectory', 'ADDSDeployment', 'DhcpServer', 'DnsServer', 'GroupPolicy');
  if (host.kind === 'sync') m.push('ActiveDirectory');
  if (host.entraConnect)
    m.push('ADSync', 'ADSyncDiagnostics', 'ADSyncTools', 'AdSyncConfig', 'AzureADConnectHealthSync');
  return m;
}

const importModuleSpec = cmdletSpec('Import-Module');

export const importModule: CommandDef = {
  name: 'Import-Module',
  run: (env) => {
    const spec = importModuleSpec;
    const b = bind(env, spec);
    if (!b.ok) return done(formatPsError(b.error));
    const names = b.values.Name as string[] | undefined;
    if (!names) {
      return done(missingMandatory(env, spec, ['Name']));
    }
    const known = modulesOf(env.host);
    const lines: ConsoleLine[] = [];
    for (const n of names) {
      // A path to the module file loads the module of that name.
      const base = (n.split(/[\\/]/).pop() ?? n).replace(/\.(psm1|psd1|dll)$/i, '');
      if (known.some((k) => k.toLowerCase() === base.toLowerCase())) continue;
      lines.push(
        ...cmdletError(env, spec, {
          message: `The specified module '${n}' was not loaded because no valid module file was found in any module directory.`,
          category: 'ResourceUnavailable',
          targetName: n,
          targetType: 'String',
          exception: 'FileNotFoundException',
          errorId: 'Modules_ModuleNotFound',
        }),
      );
    }
    return done(lines);
  },
};

export const SYSTEM_COMMANDS: readonly CommandDef[] = [
  ...SERVICE_COMMANDS,
  ...EVENTLOG_COMMANDS,
  ...REGISTRY_COMMANDS,
  restartComputer,
  stopComputer,
  shutdownExe,
  systeminfo,
  importModule,
];
