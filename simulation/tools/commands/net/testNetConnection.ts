/**
 * Test-NetConnection: name resolution, an echo request and, with -Port or -CommonTCPPort, a TCP
 * connect over the lab's network; -InformationLevel Detailed or Quiet and -TraceRoute; the
 * warnings it writes when a step fails.
 */
import { cmdletSpec } from '../../catalog';
import { isIpv4, isPrivate, sameSubnet } from '../../../net/ipv4';
import type { ExchangeResult } from '../../../net/packets';
import { exchange, type Script } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { effectiveIpConfig, type ConsoleLine } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { warning } from '../../shell/psError';
import { scalar, type PsObject } from '../../shell/psObject';
import { TNC_TYPE } from '../../shell/customViews';
import type { PsValue } from '../../shell/psFormat';
import { display } from '../../shell/psViews';
import { binderError } from '../errors';
import { bound, tokenOfValue } from '../args';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

const TNC = 'Test-NetConnection';
const COMMON_PORTS: Record<string, number> = { HTTP: 80, RDP: 3389, SMB: 445, WINRM: 5985 };

const tncSpec = cmdletSpec(TNC);

/** The warnings Test-NetConnection writes (reference §6.6). */
export const TNC_TEXT = {
  defaultTarget: 'internetbeacon.msedge.net',
  nameFailed: (name: string) => `Name resolution of ${name} failed`,
  tcpFailed: (ip: string, port: number) => `TCP connect to (${ip} : ${port}) failed`,
  /** Names the address it pinged, not the name typed (the cmdlet pings the resolved address). */
  pingFailed: (ip: string, s: string) => `Ping to ${ip} failed with status: ${s}`,
} as const;

/** IPStatus names for what became of an echo request. */
function pingStatus(r: ExchangeResult): string {
  if (r.status === 'timeout') return 'TimedOut';
  if (r.status === 'refused') {
    if (r.reason === 'net-unreachable') return 'DestinationNetworkUnreachable';
    if (r.reason === 'rejected') return 'DestinationProhibited';
    return 'DestinationHostUnreachable';
  }
  return 'Success';
}

interface TncOptions {
  name: string;
  port?: number;
  level?: 'Detailed' | 'Quiet';
  traceRoute: boolean;
  hops: number;
}

function* tncScript(env: CommandEnv, o: TncOptions): Script<CommandResult> {
  const host = env.host;
  const cfg = effectiveIpConfig(host.nic);
  const lines: ConsoleLine[] = [];
  const alias = host.nic.name;
  const src = cfg.ip ?? '';
  const resolved = yield* resolveName(host, o.name);
  if (!resolved.ok) {
    lines.push(warning(TNC_TEXT.nameFailed(o.name)));
    if (o.level === 'Quiet') return quiet(lines, false);
    return result(lines, [
      ['ComputerName', o.name],
      ['RemoteAddress', ''],
      ['InterfaceAlias', ''],
      ['SourceAddress', ''],
      ['PingSucceeded', false],
    ]);
  }
  const ip = resolved.ip;
  const literal = isIpv4(o.name);
  let tcp: boolean | undefined;
  if (o.port !== undefined) {
    const r = yield* exchange(
      {
        src: cfg.ip ?? '0.0.0.0',
        dst: ip,
        transport: 'tcp',
        port: o.port,
        ...(literal ? {} : { host: resolved.name }),
        body: { kind: 'tcp.syn' },
      },
      TIMINGS.tcpConnectTimeout,
    );
    tcp = r.status === 'ok' && r.body.kind === 'tcp.accept';
    if (!tcp) lines.push(warning(TNC_TEXT.tcpFailed(ip, o.port)));
  }
  let ping: { ok: boolean; rtt: number } | undefined;
  if (tcp !== true) {
    const r = yield* exchange(
      { src: cfg.ip ?? '0.0.0.0', dst: ip, transport: 'icmp', body: { kind: 'icmp.echo', bytes: 32 } },
      TIMINGS.pingTimeout,
    );
    const ok = r.status === 'ok' && r.body.kind === 'icmp.echoReply';
    ping = { ok, rtt: ok && r.status === 'ok' && !isPrivate(r.from) && r.from !== '127.0.0.1' ? 14 : 0 };
    if (!ok) lines.push(warning(TNC_TEXT.pingFailed(ip, pingStatus(r))));
  }
  if (o.level === 'Quiet') return quiet(lines, (tcp ?? ping?.ok) === true);
  const onLink = !!cfg.ip && !!cfg.mask && sameSubnet(cfg.ip, ip, cfg.mask);
  const rows: [string, PsValue][] = [
    ['ComputerName', o.name],
    ['RemoteAddress', ip],
  ];
  if (o.port !== undefined) rows.push(['RemotePort', o.port]);
  if (o.level === 'Detailed') {
    if (!literal) rows.push(['NameResolutionResults', ip]);
    rows.push(
      ['MatchingIPsecRules', ''],
      ['NetworkIsolationContext', isPrivate(ip) ? 'Private Network' : 'Internet'],
      ['IsAdmin', true],
    );
  }
  rows.push(['InterfaceAlias', alias], ['SourceAddress', src]);
  if (o.level === 'Detailed') rows.push(['NetRoute', onLink ? '0.0.0.0' : (cfg.gateway ?? '0.0.0.0')]);
  if (ping) rows.push(['PingSucceeded', ping.ok], ['PingReplyDetails', `${ping.rtt} ms`]);
  if (o.traceRoute) {
    const hops =
      onLink || ip === cfg.ip
        ? [ip]
        : [
            cfg.gateway ?? '0.0.0.0',
            ...(ping?.ok ? [ip] : Array<string>(Math.max(0, o.hops - 1)).fill('0.0.0.0')),
          ];
    // The list view shows the hops one under another.
    rows.push(['TraceRoute', hops.slice(0, o.hops).join('\n')]);
  }
  if (tcp !== undefined) rows.push(['TcpTestSucceeded', tcp]);
  return result(lines, rows);
}

/** The result object after the warnings (its list view shows two properties under longer labels). */
function result(warnings: ConsoleLine[], props: [string, PsValue][]): CommandResult {
  const objects: PsObject[] = [{ typeName: TNC_TYPE, props }];
  return { lines: [...warnings, ...display(objects)], objects };
}

/** -InformationLevel Quiet writes a Boolean. */
function quiet(warnings: ConsoleLine[], ok: boolean): CommandResult {
  const objects = [scalar(ok)];
  return { lines: [...warnings, ...display(objects)], objects };
}

export const testNetConnection: CommandDef = {
  name: 'Test-NetConnection',
  run: (env) => {
    const v = bound(env, tncSpec);
    if (Array.isArray(v)) return done(v);
    const setError = (param: string, value: string, set: string[]) =>
      done(
        binderError(
          env,
          TNC,
          TNC,
          `Cannot validate argument on parameter '${param}'. The argument "${value}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
          'ParameterArgumentValidationError',
          tokenOfValue(env, value),
          'InvalidData',
          'ParameterBindingValidationException',
        ),
      );
    const common = typeof v.CommonTCPPort === 'string' ? v.CommonTCPPort : undefined;
    const commonKey = common
      ? Object.keys(COMMON_PORTS).find((k) => k.toLowerCase() === common.toLowerCase())
      : undefined;
    if (common !== undefined && !commonKey)
      return setError('CommonTCPPort', common, Object.keys(COMMON_PORTS));
    const levelText = typeof v.InformationLevel === 'string' ? v.InformationLevel : undefined;
    const level = levelText
      ? (['Detailed', 'Quiet'] as const).find((l) => l.toLowerCase() === levelText.toLowerCase())
      : undefined;
    if (levelText !== undefined && !level)
      return setError('InformationLevel', levelText, ['Quiet', 'Detailed']);
    const sets = [v.Port !== undefined, common !== undefined, v.TraceRoute === true].filter(Boolean).length;
    if (sets > 1)
      return done(
        binderError(
          env,
          TNC,
          TNC,
          'Parameter set cannot be resolved using the specified named parameters.',
          'AmbiguousParameterSet',
        ),
      );
    const port = typeof v.Port === 'number' ? v.Port : commonKey ? COMMON_PORTS[commonKey] : undefined;
    const o: TncOptions = {
      name:
        typeof v.ComputerName === 'string' && v.ComputerName !== '' ? v.ComputerName : TNC_TEXT.defaultTarget,
      port,
      level,
      traceRoute: v.TraceRoute === true,
      hops: typeof v.Hops === 'number' && v.Hops > 0 ? Math.min(v.Hops, 30) : 30,
    };
    return { kind: 'script', script: () => tncScript(env, o) };
  },
};
