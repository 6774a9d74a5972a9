/**
 * What the ADSync service finds out for the diagnostics cmdlets, as scripts: the tenant's password
 * hash sync feature (asked of the cloud over HTTPS, so a blocked or TLS-less server cannot tell),
 * whether the AD connector's domain can be located, and the AD DS connector account's rights on the
 * domain root (asked of the DC's Active Directory Web Services with the console's credentials, the
 * way the ADSyncDiagnostics module reads the root's security descriptor). Each returns data; the
 * cmdlet prints it.
 */
import type { Credentials } from '../net/appMessages';
import { exchange, type Script } from '../proc/script';
import { TIMINGS } from '../core/timings';
import { locateDc } from '../windows/dcLocator';
import { effectiveIpConfig, type WindowsHostContext } from '../windows/hostState';
import { ENDPOINTS, https } from './transport';
import type { ConnectConfig } from './state';

/** The two rights password hash sync needs on the domain root. */
export const PHS_RIGHTS = ['Replicating Directory Changes', 'Replicating Directory Changes All'] as const;

export type CloudCheck = { ok: true; passwordHashSync: boolean } | { ok: false; detail: string };

export type RightsCheck =
  | { ok: true; granted: string[] }
  | { ok: false; reason: 'unreachable' | 'invalid-credentials' | 'no-such-object' | 'denied' };

export interface PhsDiagnostics {
  tenantDomain: string;
  cloud: CloudCheck;
  stagingMode: boolean;
  connector: {
    name: string;
    forest: string;
    phsEnabled: boolean;
    /** DOMAIN\MSOL_… */
    account: string;
    domainDn: string;
    /** The DC the locator found, if any. */
    dc?: string;
    rights: RightsCheck;
  };
}

export interface CompanyFeatureView {
  passwordHashSync: boolean;
}

/** Text of the .NET exception when the cloud cannot be reached (the sync engine's wording). */
const UNREACHABLE = 'System.Net.WebException: Unable to connect to the remote server';
const TLS_FAILED =
  'System.Net.WebException: The underlying connection was closed: An unexpected error occurred on a send.';

export function domainDnOf(forest: string): string {
  return forest
    .split('.')
    .filter((p) => p.length > 0)
    .map((p) => `DC=${p}`)
    .join(',');
}

/** The tenant's PasswordHashSync feature, as the cloud reports it to this server. */
export function* cloudPhsFeature(host: WindowsHostContext, serverName: string): Script<CloudCheck> {
  const r = yield* https(host, ENDPOINTS.sync, { kind: 'app.aad.phsPing', serverName });
  if (!r.ok) return { ok: false, detail: r.reason === 'tls' ? TLS_FAILED : UNREACHABLE };
  if (r.body.kind !== 'app.aad.result') return { ok: false, detail: UNREACHABLE };
  if (r.body.ok) return { ok: true, passwordHashSync: true };
  // Error 90: "Password Synchronization has not been activated for this company."
  if (r.body.errorCode === 90) return { ok: true, passwordHashSync: false };
  return { ok: false, detail: r.body.error ?? UNREACHABLE };
}

export interface DiagnoseInput {
  host: WindowsHostContext;
  config: ConnectConfig;
  stagingMode: boolean;
  netbios: string;
  serverName: string;
  bind: Credentials;
}

export function* diagnosePhs(input: DiagnoseInput): Script<PhsDiagnostics> {
  const { host, config } = input;
  const cloud = yield* cloudPhsFeature(host, input.serverName);
  const domainDn = domainDnOf(config.forest);
  const located = yield* locateDc(host, config.forest);
  let rights: RightsCheck = { ok: false, reason: 'unreachable' };
  if (located.ok) {
    const src = effectiveIpConfig(host.nic).ip ?? '0.0.0.0';
    const r = yield* exchange(
      {
        src,
        dst: located.dc.dcIp,
        transport: 'tcp',
        port: 9389,
        body: {
          kind: 'app.dir.request',
          bind: input.bind,
          op: { op: 'effectiveRights', account: config.connectorAccount.user, dn: domainDn },
        },
      },
      TIMINGS.tcpConnectTimeout,
    );
    if (r.status === 'ok' && r.body.kind === 'app.dir.response') {
      if (r.body.ok) {
        const granted = Array.isArray(r.body.result)
          ? r.body.result.filter((x): x is string => typeof x === 'string')
          : [];
        rights = { ok: true, granted };
      } else {
        rights = {
          ok: false,
          reason:
            r.body.error === 'invalid-credentials'
              ? 'invalid-credentials'
              : r.body.error === 'no-such-object'
                ? 'no-such-object'
                : 'denied',
        };
      }
    }
  }
  return {
    tenantDomain: config.tenantDomain,
    cloud,
    stagingMode: input.stagingMode,
    connector: {
      name: config.adConnector,
      forest: config.forest,
      phsEnabled: config.features.passwordHashSync,
      account: `${input.netbios}\\${config.connectorAccount.user}`,
      domainDn,
      dc: located.ok ? located.dc.dcFqdn : undefined,
      rights,
    },
  };
}
