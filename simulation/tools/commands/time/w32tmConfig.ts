/**
 * `w32tm /config` (/syncfromflags, /manualpeerlist, /reliable, /update: the registry's Type and
 * NtpServer, taken by the running service only with /update) and `w32tm /tz`.
 */
import type { HostEffect } from '../../../windows/hostOps';
import type { WindowsHostContext } from '../../../windows/hostState';
import { KEYS, readValue } from '../../../windows/registry';
import { out } from '../../shell/psError';
import { pad2 } from './calendar';
import { regText, running } from './w32timeState';
import { W32TM_TEXT } from './w32tmText';
import type { CommandEnv, CommandResult } from '../types';

const SYNC_FLAGS: Record<string, 'NT5DS' | 'NTP' | 'NoSync' | 'AllSync'> = {
  domhier: 'NT5DS',
  manual: 'NTP',
  no: 'NoSync',
  all: 'AllSync',
};

export function config(env: CommandEnv, opts: Map<string, string | undefined>): CommandResult | undefined {
  const host = env.host;
  const effects: HostEffect[] = [];
  let type = regText(readValue(host.registry, KEYS.w32time, 'Type'));
  for (const [key, value] of opts) {
    switch (key) {
      case 'syncfromflags': {
        const flags = (value ?? '').toLowerCase().split(',');
        const t = flags.map((f) => SYNC_FLAGS[f]);
        if (t.length === 0 || t.some((x) => x === undefined)) return undefined;
        type = t.length > 1 ? 'AllSync' : t[0];
        effects.push({
          type: 'registry',
          key: KEYS.w32time,
          name: 'Type',
          value: { type: 'REG_SZ', data: type ?? 'NT5DS' },
        });
        break;
      }
      case 'manualpeerlist':
        if (value === undefined) return undefined;
        effects.push({
          type: 'registry',
          key: KEYS.w32time,
          name: 'NtpServer',
          value: { type: 'REG_SZ', data: value },
        });
        break;
      case 'reliable':
        if (value?.toLowerCase() !== 'yes' && value?.toLowerCase() !== 'no') return undefined;
        break;
      case 'update':
      case 'localclockdispersion':
      case 'largephaseoffset':
        break;
      default:
        return undefined;
    }
  }
  if (!opts.has('update')) return { lines: out(W32TM_TEXT.completed, ''), effects };
  if (!running(host)) return { lines: out(W32TM_TEXT.notStarted, ''), effects };
  // The running service takes the registry's Type; AllSync tries the domain hierarchy first.
  const mode = type === 'NTP' ? 'NTP' : type === 'NoSync' ? 'NoSync' : 'NT5DS';
  effects.push({ type: 'time', mode, ...(mode === 'NoSync' ? { source: 'Local CMOS Clock' } : {}) });
  return { lines: out(W32TM_TEXT.completed, ''), effects };
}

const TZ_NAMES: Record<number, string> = {
  0: 'Coordinated Universal Time',
  60: 'W. Europe Standard Time',
  [-300]: 'Eastern Standard Time',
  [-480]: 'Pacific Standard Time',
};

export function tz(host: WindowsHostContext): CommandResult {
  const off = host.timeZoneOffsetMinutes;
  const name =
    TZ_NAMES[off] ??
    `(UTC${off < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(off) / 60))}:${pad2(Math.abs(off) % 60)})`;
  return {
    lines: out(
      `Time zone: Current:TIME_ZONE_ID_UNKNOWN Bias: ${-off}min (UTC=LocalTime+Bias)`,
      `  [Standard Name:"${name}" Bias:0min Date:(unspecified)]`,
      `  [Daylight Name:"${name}" Bias:0min Date:(unspecified)]`,
      '',
    ),
  };
}
