/**
 * Invoke-WebRequest (aliases iwr, curl, wget in Windows PowerShell 5.1) and Invoke-RestMethod
 * (irm) against the lab's network: the name resolved by the host's DNS, a TCP connection to 443
 * (80 for http), TLS 1.2 as SCHANNEL loaded it, then the answer. Microsoft's writeback
 * troubleshooting page names `Invoke-WebRequest -Uri https://ssprdedicatedsbprodscu.servicebus.windows.net -Verbose`
 * as a relay connectivity test; a Service Bus namespace's root answers with its Atom feed of
 * publicly listed services. Errors are System.Net.WebException's messages, as 5.1 prints them.
 */
import { cmdletSpec } from '../../catalog';
import { exchange, type Script } from '../../../proc/script';
import { TIMINGS } from '../../../core/timings';
import { effectiveIpConfig, type ConsoleLine } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { formatPsError } from '../../shell/psError';
import { formatList } from '../../shell/psFormat';
import { bound } from '../args';
import { cannotConvertArgument } from '../errors';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

const WEB_TEXT = {
  unresolved: (host: string) => `The remote name could not be resolved: '${host}'`,
  noConnect: 'Unable to connect to the remote server',
  tlsSend: 'The underlying connection was closed: An unexpected error occurred on a send.',
  badUri: 'Invalid URI: The hostname could not be parsed.',
} as const;

const SERVICE_BUS_FEED =
  '<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Publicly Listed Services</title><subtitle type="text">This is the list of publicly-listed services currently available.</subtitle><generator>Microsoft® Windows Azure Service Bus</generator></feed>';

interface Target {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

function parseUri(raw: string): Target | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?(\/[^?#]*)?/i.exec(raw.trim());
  if (!m || !m[2]) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  return {
    scheme,
    host: m[2].toLowerCase(),
    port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80,
    path: m[4] || '/',
  };
}

function webError(env: CommandEnv, name: string, className: string, message: string): ConsoleLine[] {
  return formatPsError({
    command: name,
    message,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: 'InvalidOperation',
    target: 'System.Net.HttpWebRequest:HttpWebRequest',
    activity: `[${name}]`,
    exception: 'WebException',
    errorId: `WebCmdletWebResponseException,Microsoft.PowerShell.Commands.${className}`,
  });
}

function* webScript(env: CommandEnv, rest: boolean, uri: Target, verbose: boolean): Script<CommandResult> {
  const name = rest ? 'Invoke-RestMethod' : 'Invoke-WebRequest';
  const className = rest ? 'InvokeRestMethodCommand' : 'InvokeWebRequestCommand';
  const url = `${uri.scheme}://${uri.host}${uri.port === (uri.scheme === 'https' ? 443 : 80) ? '' : `:${uri.port}`}${uri.path}`;
  const lines: ConsoleLine[] = [];
  if (verbose) lines.push({ kind: 'warning', text: `VERBOSE: GET ${url} with 0-byte payload` });
  const fail = (message: string) => ({ lines: [...lines, ...webError(env, name, className, message)] });
  const resolved = yield* resolveName(env.host, uri.host);
  if (!resolved.ok) return fail(WEB_TEXT.unresolved(uri.host));
  const r = yield* exchange(
    {
      src: effectiveIpConfig(env.host.nic).ip ?? '0.0.0.0',
      dst: resolved.ip,
      transport: 'tcp',
      port: uri.port,
      host: uri.host,
      body: { kind: 'tcp.syn' },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'tcp.accept') return fail(WEB_TEXT.noConnect);
  // Windows PowerShell 5.1 on .NET Framework offers TLS 1.2 only when SCHANNEL has it.
  if (uri.scheme === 'https' && !env.host.tls12Active) return fail(WEB_TEXT.tlsSend);
  const serviceBus = uri.host.endsWith('.servicebus.windows.net');
  const contentType = serviceBus
    ? 'application/atom+xml;type=feed;charset=utf-8'
    : 'text/html; charset=utf-8';
  if (verbose)
    lines.push({
      kind: 'warning',
      text: `VERBOSE: received -1-byte response of content type ${contentType}`,
    });
  // Invoke-RestMethod turns an Atom feed into its entries: the namespace lists none.
  if (rest) return { lines };
  const content = serviceBus ? SERVICE_BUS_FEED : '(HybridLab: the page content is not simulated)';
  return {
    lines: [
      ...lines,
      ...formatList([
        [
          ['StatusCode', 200],
          ['StatusDescription', 'OK'],
          ['Content', content],
          [
            'RawContent',
            `HTTP/1.1 200 OK\n${' '.repeat(20)}Transfer-Encoding: chunked\n${' '.repeat(20)}Content-Type: ${contentType}`,
          ],
          ['Headers', `{[Transfer-Encoding, chunked], [Content-Type, ${contentType}]}`],
          ['RawContentLength', content.length],
        ],
      ]),
    ],
  };
}

function webCommand(name: 'Invoke-WebRequest' | 'Invoke-RestMethod'): CommandDef {
  const spec = cmdletSpec(name);
  return {
    name,
    run: (env) => {
      const v = bound(env, spec);
      if (Array.isArray(v)) return done(v);
      const raw = typeof v.Uri === 'string' ? v.Uri : '';
      const uri = parseUri(raw);
      const className = name === 'Invoke-RestMethod' ? 'InvokeRestMethodCommand' : 'InvokeWebRequestCommand';
      if (!uri)
        return done(
          cannotConvertArgument(
            env,
            { name, className: `Microsoft.PowerShell.Commands.${className}` },
            { param: 'Uri', raw, type: 'System.Uri', reason: WEB_TEXT.badUri },
          ),
        );
      return {
        kind: 'script',
        script: () => webScript(env, name === 'Invoke-RestMethod', uri, v.Verbose === true),
      };
    },
  };
}

export const invokeWebRequest = webCommand('Invoke-WebRequest');
export const invokeRestMethod = webCommand('Invoke-RestMethod');
