/**
 * Authentication methods > Policies > (a method) > Enable and Target: the method on or off, and
 * its target: Include (All users or groups) and Exclude (groups). The older form of the action,
 * one `target` ('all' or a group name), is still taken and means Include that.
 */
import { audit } from './audit';
import {
  AUTH_METHOD_LABELS,
  type AuthMethodId,
  type AuthMethodPolicy,
  type TenantState,
} from './tenantState';

export interface MethodPolicyAction {
  type: 'authMethods.policy';
  method: AuthMethodId;
  enabled: boolean;
  /** The older single target: 'all' or one group name. */
  target?: string;
  include?: 'all' | string[];
  exclude?: string[];
}

/** How the Policies list shows a target: "All users", or the included groups. */
export function targetText(p: AuthMethodPolicy): string {
  return p.include === 'all' ? 'All users' : p.include.join(', ');
}

export function setMethodPolicy(
  t: TenantState,
  a: MethodPolicyAction,
  now: number,
  admin: string,
): { tenant: TenantState } | { error: string } {
  const current = t.authMethods[a.method];
  const include =
    a.include ?? (a.target === undefined ? current.include : a.target === 'all' ? 'all' : [a.target]);
  const exclude = a.exclude ?? (a.target === undefined ? current.exclude : []);
  const groupName = (name: string) => t.groups.find((g) => g.name.toLowerCase() === name.toLowerCase())?.name;
  for (const g of [...(include === 'all' ? [] : include), ...exclude])
    if (!groupName(g)) return { error: `The group "${g}" was not found.` };
  if (include !== 'all' && include.length === 0 && a.enabled)
    return { error: 'Select at least one group to include, or choose All users.' };
  const policy: AuthMethodPolicy = {
    enabled: a.enabled,
    include: include === 'all' ? 'all' : include.map((g) => groupName(g) ?? g),
    exclude: exclude.map((g) => groupName(g) ?? g),
  };
  const tenant = audit({ ...t, authMethods: { ...t.authMethods, [a.method]: policy } }, now, {
    service: 'Authentication Methods',
    category: 'Policy',
    activity: 'Authentication methods policy update',
    status: 'Success',
    target: AUTH_METHOD_LABELS[a.method],
    initiatedBy: admin,
    details: {
      Enabled: a.enabled ? 'Yes' : 'No',
      Target: targetText(policy),
      ...(policy.exclude.length > 0 ? { Excluded: policy.exclude.join(', ') } : {}),
    },
  });
  return { tenant };
}
