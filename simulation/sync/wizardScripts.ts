/** The Connect wizard's calls to the cloud, as scripts. */
import type { Credentials } from '../net/appMessages';
import type { Script } from '../proc/script';
import type { WindowsHostContext } from '../windows/hostState';
import type { ConnectConfig } from './state';
import { ENDPOINTS, https } from './transport';

/** The wizard's "Connect to Microsoft Entra ID" check. */
export function* checkCloudCredentials(
  host: WindowsHostContext,
  credentials: Credentials,
): Script<'ok' | 'invalid' | 'unreachable'> {
  const r = yield* https(host, ENDPOINTS.login, { kind: 'app.aad.auth', credentials });
  if (!r.ok) return 'unreachable';
  return r.body.kind === 'app.aad.result' && r.body.ok ? 'ok' : 'invalid';
}

/** The wizard's "Configure": tell the cloud the features and the server, and get the sync account. */
export function* configureCloud(
  host: WindowsHostContext,
  credentials: Credentials,
  serverName: string,
  config: ConnectConfig,
): Script<{ ok: boolean; syncAccount?: Credentials; error?: string }> {
  const r = yield* https(host, ENDPOINTS.sync, {
    kind: 'app.aad.configure',
    credentials,
    serverName,
    phs: config.features.passwordHashSync,
    writeback: config.features.passwordWriteback,
    connectorAccount: config.connectorAccount.user,
  });
  if (!r.ok)
    return {
      ok: false,
      error:
        'Unable to connect to Microsoft Entra ID. Check the network connection and proxy settings of this server.',
    };
  if (r.body.kind !== 'app.aad.result' || !r.body.ok)
    return { ok: false, error: r.body.kind === 'app.aad.result' ? r.body.error : 'Unexpected answer.' };
  return { ok: true, syncAccount: r.body.syncAccount };
}
