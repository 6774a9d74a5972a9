/** `ping`: resolve the name, then ICMP echo over the network, with Windows' exact lines and quirks. */
import { isPrivate, type Ipv4 } from '../../../net/ipv4';
import { exchange, sleep, type Script } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { effectiveIpConfig } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

const USAGE = [
  '',
  'Usage: ping [-t] [-a] [-n count] [-l size] [-f] [-i TTL] [-v TOS]',
  '            [-r count] [-s count] [[-j host-list] | [-k host-list]]',
  '            [-w timeout] [-R] [-S srcaddr] [-c compartment] [-p]',
  '            [-4] [-6] target_name',
  '',
  'Options:',
  '    -t             Ping the specified host until stopped.',
  '                   To see statistics and continue - type Control-Break;',
  '                   To stop - type Control-C.',
  '    -n count       Number of echo requests to send.',
  '    -l size        Send buffer size.',
  '    -w timeout     Timeout in milliseconds to wait for each reply.',
  '    -4             Force using IPv4.',
  '',
];

interface PingOptions {
  target: string;
  count: number;
  size: number;
  continuous: boolean;
  timeoutMs: number;
}

function parseOptions(env: CommandEnv): PingOptions | { error: string[] } {
  const args = env.cmd.args.map((a) => a.text);
  const o: PingOptions = {
    target: '',
    count: 4,
    size: 32,
    continuous: false,
    timeoutMs: TIMINGS.pingTimeout,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const flag = /^[-/]/.test(a) ? a.slice(1).toLowerCase() : undefined;
    if (flag === undefined) {
      if (o.target) return { error: ['', `Bad parameter ${a}.`] };
      o.target = a;
      continue;
    }
    const value = () => args[++i];
    switch (flag) {
      case 't':
        o.continuous = true;
        break;
      case '4':
      case 'a':
        break;
      case 'n': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1)
          return { error: [`Bad value for option -n, valid range is from 1 to 4294967295.`] };
        o.count = Math.min(v, 100);
        break;
      }
      case 'l': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 65500)
          return { error: [`Bad value for option -l, valid range is from 0 to 65500.`] };
        o.size = v;
        break;
      }
      case 'w': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1)
          return { error: [`Bad value for option -w, valid range is from 1 to 4294967295.`] };
        o.timeoutMs = v;
        break;
      }
      case '?':
        return { error: USAGE };
      default:
        return { error: [`Bad option ${a}.`, ...USAGE] };
    }
  }
  if (!o.target) return { error: USAGE };
  return o;
}

function* pingScript(env: CommandEnv, o: PingOptions): Script<CommandResult> {
  const lines: string[] = [];
  const resolved = yield* resolveName(env.host, o.target);
  if (!resolved.ok) {
    return {
      lines: out(`Ping request could not find host ${o.target}. Please check the name and try again.`),
    };
  }
  const ip: Ipv4 = resolved.ip;
  const shown = resolved.name !== ip ? `${resolved.name} [${ip}]` : ip;
  lines.push('', `Pinging ${shown} with ${o.size} bytes of data:`);
  const src = effectiveIpConfig(env.host.nic).ip ?? '0.0.0.0';
  const count = o.continuous ? 30 : o.count;
  let received = 0;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = yield* exchange(
      { src, dst: ip, transport: 'icmp', body: { kind: 'icmp.echo', bytes: o.size } },
      o.timeoutMs,
    );
    if (r.status === 'ok' && r.body.kind === 'icmp.echoReply') {
      const ms = isPrivate(r.from) || r.from === '127.0.0.1' ? 0 : 14 + (i % 3);
      times.push(ms);
      received++;
      lines.push(
        `Reply from ${r.from}: bytes=${o.size} time${ms === 0 ? '<1' : '='}${ms}ms TTL=${r.body.ttl}`,
      );
    } else if (r.status === 'refused' && r.reason === 'host-unreachable') {
      // Windows counts an ICMP "unreachable" answer as received.
      received++;
      lines.push(`Reply from ${r.by ?? src}: Destination host unreachable.`);
    } else if (r.status === 'refused' && (r.reason === 'net-unreachable' || r.reason === 'rejected')) {
      received++;
      lines.push(`Reply from ${r.by ?? src}: Destination net unreachable.`);
    } else if (r.status === 'refused') {
      lines.push('PING: transmit failed. General failure.');
    } else {
      lines.push('Request timed out.');
    }
    if (i < count - 1 && r.status !== 'timeout') yield* sleep(TIMINGS.pingInterval);
  }
  const lost = count - received;
  lines.push('', `Ping statistics for ${ip}:`);
  lines.push(
    `    Packets: Sent = ${count}, Received = ${received}, Lost = ${lost} (${Math.round((lost / count) * 100)}% loss),`,
  );
  if (times.length > 0) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = Math.round(times.reduce((a, b) => a + b, 0) / times.length);
    lines.push('Approximate round trip times in milli-seconds:');
    lines.push(`    Minimum = ${min}ms, Maximum = ${max}ms, Average = ${avg}ms`);
  }
  if (o.continuous) lines.push('Control-C', '^C');
  return { lines: out(...lines) };
}

export const ping: CommandDef = {
  name: 'ping',
  run: (env) => {
    const o = parseOptions(env);
    if ('error' in o) return done(out(...o.error));
    return { kind: 'script', script: () => pingScript(env, o) };
  },
};
