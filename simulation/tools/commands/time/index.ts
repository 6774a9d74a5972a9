/**
 * Windows Time and the host's clock: w32tm (/query /status|/source|/configuration|/peers,
 * /resync, /stripchart, /config, /tz), Get-Date and Set-Date, and cmd's `date` and `time`.
 *
 * A host's clock is lab time plus its own offset. `w32tm /resync` asks the time source over NTP
 * (UDP 123): a domain member (Type NT5DS) finds a DC with the locator, a manually configured
 * host (Type NTP) resolves the peers of its NtpServer registry value; on an answer from a
 * synchronized source the clock is set to the source's (effect `clockOffset`) and the service
 * notes the sync (effect `time`).
 *
 * Type NoSync: W32Time then has no input provider, so `/resync` has no sample to use and prints
 * "The computer did not resync because no time data was available." — what Windows does. The way
 * back is `w32tm /config /syncfromflags:domhier /update` (or a manual peer list), then `/resync`.
 * `/config` writes the registry (Type, NtpServer); only `/update` makes the running service take
 * it. On a member the running service also polls by itself (devices/w32timeTimer.machine.ts and
 * w32timePoll.ts): every poll interval (1024 s at first, up to 32768 s while the clock holds) it
 * takes the same sample /resync does, so a clock changed by hand goes back to the domain's time at
 * the next poll; the DC's own source is outside the lab.
 *
 * This module holds w32tm's switch parsing and assembles the time commands; the rest is in time/:
 * w32tmText.ts (w32tm's own lines), w32timeState.ts (the service's state), w32tmQuery.ts (/query), w32tmNtp.ts
 * (/resync, /stripchart), w32tmConfig.ts (/config, /tz), clockChange.ts (reading and setting the
 * host's clock), calendar.ts, dates.ts (parsing), dateFormat.ts (-Format, -UFormat), getSetDate.ts
 * and cmdDateTime.ts.
 */
import { out } from '../../shell/psError';
import { scripted } from '../stopwatch';
import { date, time } from './cmdDateTime';
import { getDate, setDate } from './getSetDate';
import { config, tz } from './w32tmConfig';
import { resync, stripchart, type StripOptions } from './w32tmNtp';
import { queryConfiguration, queryPeers, queryStatus } from './w32tmQuery';
import { running, shownSource } from './w32timeState';
import { W32TM_TEXT } from './w32tmText';
import { done, type CommandDef, type CommandEnv } from '../types';

/** `/name` or `/name:value`, lower-cased names; undefined when an argument is not a switch. */
function switches(env: CommandEnv): Map<string, string | undefined> | undefined {
  const m = new Map<string, string | undefined>();
  for (const a of env.cmd.args) {
    const x = /^[/-]([A-Za-z?]+)(?::(.*))?$/.exec(a.text);
    if (!x) return undefined;
    m.set((x[1] ?? '').toLowerCase(), x[2]);
  }
  return m;
}

function only(opts: Map<string, string | undefined>, allowed: readonly string[]): boolean {
  return [...opts.keys()].every((k) => allowed.includes(k));
}

export const w32tm: CommandDef = {
  name: 'w32tm',
  run: (env) => {
    const opts = switches(env);
    const bad = () => done(out(W32TM_TEXT.badParameter, ''));
    if (!opts || opts.size === 0 || opts.has('?')) return done(out(...W32TM_TEXT.usage));
    const host = env.host;
    if (opts.has('query')) {
      if (!only(opts, ['query', 'status', 'source', 'configuration', 'peers', 'verbose'])) return bad();
      const what = ['status', 'source', 'configuration', 'peers'].filter((k) => opts.has(k));
      if (what.length !== 1) return done(out(...W32TM_TEXT.usage));
      if (!running(host)) return done(out(W32TM_TEXT.notStarted, ''));
      switch (what[0]) {
        case 'status':
          return scripted((sw) => queryStatus(env, sw));
        case 'source':
          return done(out(shownSource(host, env.now), ''));
        case 'peers':
          return done(queryPeers(env).lines);
        default: {
          const c = queryConfiguration(host);
          return done(c.lines);
        }
      }
    }
    if (opts.has('resync')) {
      if (!only(opts, ['resync', 'force', 'nowait', 'rediscover', 'soft'])) return bad();
      return scripted((sw) => resync(env, sw, opts.has('nowait')));
    }
    if (opts.has('stripchart')) {
      if (
        !only(opts, ['stripchart', 'computer', 'samples', 'dataonly', 'period', 'packetinfo', 'ipprotocol'])
      )
        return bad();
      const target = opts.get('computer');
      const samples = opts.get('samples');
      const period = opts.get('period');
      if (
        !target ||
        (samples !== undefined && !/^\d+$/.test(samples)) ||
        (period !== undefined && !/^\d+$/.test(period))
      )
        return bad();
      const o: StripOptions = {
        target,
        samples: samples === undefined ? undefined : Math.min(Number(samples), 100),
        period: period === undefined ? 2 : Math.max(1, Number(period)),
        dataonly: opts.has('dataonly'),
      };
      return scripted((sw) => stripchart(env, sw, o));
    }
    if (opts.has('config')) {
      const rest = new Map([...opts].filter(([k]) => k !== 'config'));
      const r = config(env, rest);
      return r ? done(r.lines, r.effects) : bad();
    }
    if (opts.has('tz') && opts.size === 1) return done(tz(host).lines);
    return done(out(...W32TM_TEXT.usage));
  },
};

export const TIME_COMMANDS: readonly CommandDef[] = [w32tm, getDate, setDate, date, time];
