/**
 * Finding services by -Name / -DisplayName (wildcards, -Include, -Exclude) with the cmdlets' not-
 * found errors, and the Get-Service table.
 */
import type { ConsoleLine } from '../../hostState';
import type { ServiceState } from '../../services';
import type { CmdletSpec } from '../../shell/bind';
import type { PsObject } from '../../shell/psObject';
import { display, SERVICE_TYPE } from '../psViews';
import { cmdletError, likeName, wildcard } from '../sysShared';
import { byName, onHost } from './shared';
import type { CommandEnv, PipelineInput } from '../types';

interface Selection {
  found: ServiceState[];
  errors: ConsoleLine[];
}

function notFound(env: CommandEnv, spec: CmdletSpec, value: string, display: boolean): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: display
      ? `Cannot find any service with display name '${value}'.`
      : `Cannot find any service with service name '${value}'.`,
    category: 'ObjectNotFound',
    targetName: value,
    targetType: 'String',
    exception: 'ServiceCommandException',
    errorId: display ? 'NoServiceFoundForGivenDisplayName' : 'NoServiceFoundForGivenName',
  });
}

export function select(
  env: CommandEnv,
  spec: CmdletSpec,
  names: string[] | undefined,
  displayNames: string[] | undefined,
): Selection {
  const all = onHost(env.host).sort(byName);
  const found: ServiceState[] = [];
  const errors: ConsoleLine[] = [];
  if (names) {
    for (const n of names) {
      if (wildcard(n)) {
        found.push(...all.filter((s) => likeName(n, s.name)));
        continue;
      }
      // Without wildcards the name may also be a display name (ServiceController resolves both).
      const s =
        all.find((x) => x.name.toLowerCase() === n.toLowerCase()) ??
        all.find((x) => x.displayName.toLowerCase() === n.toLowerCase());
      if (s) found.push(s);
      else errors.push(...notFound(env, spec, n, false));
    }
  } else if (displayNames) {
    for (const n of displayNames) {
      const matches = all.filter((s) => likeName(n, s.displayName));
      if (matches.length === 0 && !wildcard(n)) errors.push(...notFound(env, spec, n, true));
      found.push(...matches);
    }
  } else {
    found.push(...all);
  }
  return { found, errors };
}

/** A ServiceController as the service cmdlets write it to the pipeline. */
export function serviceObject(s: ServiceState): PsObject {
  return {
    typeName: SERVICE_TYPE,
    props: [
      ['Name', s.name],
      ['DisplayName', s.displayName],
      ['Status', s.status],
      ['StartType', s.startType],
      ['ServiceName', s.name],
    ],
  };
}

/** Services as the cmdlets print them (the ServiceController table view) and the objects they write. */
export function serviceOutput(services: readonly ServiceState[]): {
  lines: ConsoleLine[];
  objects: PsObject[];
} {
  const objects = services.map(serviceObject);
  return { lines: display(objects), objects };
}

/** The service cmdlets take a service (or its name) from the pipeline as -Name. */
export const SERVICE_INPUT: PipelineInput = { param: 'Name', from: ['Name', 'ServiceName'] };

export const nameParams = [
  { name: 'Name', type: 'strings', position: 0, aliases: ['ServiceName'] },
  { name: 'DisplayName', type: 'strings' },
  { name: 'Include', type: 'strings' },
  { name: 'Exclude', type: 'strings' },
] as const;

export function filtered(found: ServiceState[], v: Record<string, unknown>): ServiceState[] {
  const inc = v.Include as string[] | undefined;
  const exc = v.Exclude as string[] | undefined;
  return found.filter(
    (s) => (!inc || inc.some((p) => likeName(p, s.name))) && !(exc ?? []).some((p) => likeName(p, s.name)),
  );
}
