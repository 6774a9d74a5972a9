/** How the ADSync cmdlets ask the ADSync service, and the errors they print when it cannot answer. */
import type { AdsyncReply, AdsyncRequest } from '../../../sync/requests';
import { bindParams, type CmdletSpec } from '../../shell/bind';
import { formatPsError } from '../../shell/psError';
import type { ConsoleLine } from '../../../windows/hostState';
import { done, type CommandEnv, type CommandOutcome, type CommandResult } from '../types';
import { cmdletError } from '../errors';

export const NS = 'Microsoft.IdentityManagement.PowerShell.Cmdlet';
export const OBJECT_MODEL = 'Microsoft.IdentityManagement.PowerShell.ObjectModel';

/** The error a cmdlet prints when the ADSync service does not answer (unconfirmed wording). */
export const SERVICE_DOWN =
  'Unable to connect to the synchronization service. The Microsoft Azure AD Sync service (ADSync) may not be running.';

/** The ADSync cmdlets' errors: a .NET exception from the sync engine's object model. */
export function adsyncError(
  env: CommandEnv,
  name: string,
  className: string,
  exception: string,
  message: string,
): ConsoleLine[] {
  // The target is the object model's type, shortened as the module's error records show it.
  const target = `${NS}.${className}:${className}`.replace(/^(.{16}).*(\..{14}):/, '$1...$2:');
  return cmdletError(
    env,
    { name, className: `${NS}.${className}` },
    {
      message: `${exception}: ${message}`,
      category: 'WriteError',
      target,
      exception: exception.replace(/^System\./, ''),
      errorId: `${exception}: ${message}`,
    },
  );
}

export function local(
  env: CommandEnv,
  spec: CmdletSpec,
  request: (values: Record<string, unknown>) => AdsyncRequest | ConsoleLine[],
  format: (reply: AdsyncReply, values: Record<string, unknown>) => CommandResult,
): CommandOutcome {
  const bound = bindParams(spec, env.cmd.args, env.line);
  if (!bound.ok) return done(formatPsError(bound.error));
  const req = request(bound.values);
  if (Array.isArray(req)) return done(req);
  const className = spec.className.split('.').pop() ?? spec.className;
  return {
    kind: 'local',
    service: 'adsync',
    request: req,
    format: (reply) => {
      if (!reply.ok && reply.error === 'service-stopped')
        return {
          lines: adsyncError(env, spec.name, className, 'System.InvalidOperationException', SERVICE_DOWN),
        };
      if (!reply.ok && reply.error === 'not-configured') {
        return {
          lines: adsyncError(
            env,
            spec.name,
            className,
            'System.InvalidOperationException',
            'The synchronization service has not been configured. Run the Microsoft Entra Connect wizard.',
          ),
        };
      }
      return format(reply, bound.values);
    },
  };
}
