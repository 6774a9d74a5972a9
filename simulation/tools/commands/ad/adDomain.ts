/**
 * The domain's own cmdlets (the command family of the domain object). Get-ADDomain: the domain as
 * the ADDomain object lists it. Get-ADDefaultDomainPasswordPolicy
 * and Set-ADDefaultDomainPasswordPolicy: the domain's password and lockout policy as the DC holds it
 * (reference §2.4, §6.6), TimeSpans as PowerShell prints them (`1.00:00:00`, `00:30:00`).
 *
 * A new cmdlet of this family is its declaration in catalog/ad.ts and its handler here, listed in
 * DOMAIN_COMMANDS: the catalog gives it to the binder, Get-Help, Get-Command and Tab completion.
 */
import { cmdletSpec } from '../../catalog';
import type { PasswordPolicy } from '../../../core/directoryTypes';
import { DAY, MINUTE } from '../../../core/time';
import type { Script } from '../../../proc/script';
import type { ConsoleLine } from '../../../windows/hostState';
import type { BoundValue } from '../../shell/bind';
import { AD_NS, adErrorRecord, domainDnOf, notFound, openAdws, type AdCmdlet } from './adClient';
import { adConvertError, str, timeSpanArg } from './adValues';
import { adCmdlet } from './adCmdlet';
import { whatIf } from '../../shell/psError';
import { psSpan } from '../../shell/psFormat';
import { listed } from '../../shell/psViews';
import { psCollection } from '../../shell/psFormat';
import type { ComputerRecord } from './adProps';
import type { CommandDef, CommandResult } from '../types';

type Values = Record<string, BoundValue>;

/** Unconfirmed wording: AD's constraint error for a value outside an attribute's range. */
export const OUT_OF_RANGE = 'A value for the attribute was not in the acceptable range of values';

/** The ADDefaultDomainPasswordPolicy object, shown as a list. */
function policyList(p: PasswordPolicy, domainDn: string, domainGuid: string): CommandResult {
  return listed(`${AD_NS}.ADDefaultDomainPasswordPolicy`, [
    [
      ['ComplexityEnabled', p.complexity],
      ['DistinguishedName', domainDn],
      ['LockoutDuration', psSpan(p.lockoutDurationMinutes * MINUTE)],
      ['LockoutObservationWindow', psSpan(p.lockoutWindowMinutes * MINUTE)],
      ['LockoutThreshold', p.lockoutThreshold],
      ['MaxPasswordAge', psSpan(p.maxAgeDays * DAY)],
      ['MinPasswordAge', psSpan(p.minAgeDays * DAY)],
      ['MinPasswordLength', p.minLength],
      ['objectClass', '{domainDNS}'],
      ['objectGuid', domainGuid],
      ['PasswordHistoryCount', p.historyCount],
      ['ReversibleEncryptionEnabled', p.reversibleEncryption],
    ],
  ]);
}

function isThisDomain(identity: string, fqdn: string, netbios: string): boolean {
  const i = identity.trim().toLowerCase();
  return i === fqdn.toLowerCase() || i === netbios.toLowerCase() || i === domainDnOf(fqdn).toLowerCase();
}

// --- Get-ADDefaultDomainPasswordPolicy -----------------------------------------------------------

const getSpec = cmdletSpec('Get-ADDefaultDomainPasswordPolicy');

function* getScript(c: AdCmdlet, v: Values): Script<CommandResult> {
  const s = yield* openAdws(c, str(v.Server));
  if (!s.ok) return { lines: s.lines };
  const identity = str(v.Identity);
  if (identity !== undefined && !isThisDomain(identity, c.env.host.domainFqdn, c.env.host.domainNetbios))
    return { lines: notFound(c, identity) };
  const r = yield* s.session.call<PasswordPolicy>({ op: 'getPolicy' });
  if (!r.ok) return { lines: r.lines };
  return policyList(r.value, domainDnOf(c.env.host.domainFqdn), s.session.dc.domainGuid ?? '');
}

const getAdDefaultDomainPasswordPolicy = adCmdlet(getSpec, (env, v) => {
  const identity = str(v.Identity);
  const c: AdCmdlet = {
    env,
    name: getSpec.name,
    className: 'GetADDefaultDomainPasswordPolicy',
    target: identity ? `${identity}:ADDefaultDomainPasswordPolicy` : undefined,
  };
  return () => getScript(c, v);
});

// --- Set-ADDefaultDomainPasswordPolicy -----------------------------------------------------------

const setSpec = cmdletSpec('Set-ADDefaultDomainPasswordPolicy');

const SPANS: readonly [string, keyof PasswordPolicy, number][] = [
  ['LockoutDuration', 'lockoutDurationMinutes', MINUTE],
  ['LockoutObservationWindow', 'lockoutWindowMinutes', MINUTE],
  ['MaxPasswordAge', 'maxAgeDays', DAY],
  ['MinPasswordAge', 'minAgeDays', DAY],
];

const INTS: readonly [string, keyof PasswordPolicy, number][] = [
  ['LockoutThreshold', 'lockoutThreshold', 65535],
  ['MinPasswordLength', 'minLength', 255],
  ['PasswordHistoryCount', 'historyCount', 1024],
];

function policyPatch(
  c: AdCmdlet,
  v: Values,
): { ok: true; patch: Partial<PasswordPolicy> } | { ok: false; lines: ConsoleLine[] } {
  const patch: Record<string, number | boolean> = {};
  for (const [param, field, unit] of SPANS) {
    const raw = str(v[param]);
    if (raw === undefined) continue;
    const ms = timeSpanArg(raw);
    if (ms === undefined) {
      const reason = 'String was not recognized as a valid TimeSpan.';
      return { ok: false, lines: adConvertError(c, { param, raw, type: 'System.TimeSpan', reason }) };
    }
    // The policy keeps whole days and minutes, as the Group Policy editor does.
    patch[field] = unit === DAY ? Math.floor(ms / DAY) : Math.round(ms / MINUTE);
  }
  for (const [param, field, max] of INTS) {
    const n = v[param];
    if (typeof n !== 'number') continue;
    if (n < 0 || n > max)
      return {
        ok: false,
        lines: adErrorRecord(c, OUT_OF_RANGE, 'NotSpecified', 'ADException', 'ActiveDirectoryServer:8322'),
      };
    patch[field] = n;
  }
  if (typeof v.ComplexityEnabled === 'boolean') patch.complexity = v.ComplexityEnabled;
  if (typeof v.ReversibleEncryptionEnabled === 'boolean')
    patch.reversibleEncryption = v.ReversibleEncryptionEnabled;
  return { ok: true, patch: patch as Partial<PasswordPolicy> };
}

function* setScript(c: AdCmdlet, v: Values, patch: Partial<PasswordPolicy>): Script<CommandResult> {
  const s = yield* openAdws(c, str(v.Server));
  if (!s.ok) return { lines: s.lines };
  const identity = str(v.Identity) ?? '';
  const domainDn = domainDnOf(c.env.host.domainFqdn);
  if (!isThisDomain(identity, c.env.host.domainFqdn, c.env.host.domainNetbios))
    return { lines: notFound(c, identity) };
  if (v.WhatIf) return { lines: whatIf('Set', domainDn) };
  if (Object.keys(patch).length > 0) {
    const r = yield* s.session.call<unknown>({ op: 'setPolicy', patch });
    if (!r.ok) return { lines: r.lines };
  }
  if (!v.PassThru) return { lines: [] };
  const after = yield* s.session.call<PasswordPolicy>({ op: 'getPolicy' });
  return after.ok ? policyList(after.value, domainDn, s.session.dc.domainGuid ?? '') : { lines: after.lines };
}

const setAdDefaultDomainPasswordPolicy = adCmdlet(setSpec, (env, v) => {
  const c: AdCmdlet = {
    env,
    name: setSpec.name,
    className: 'SetADDefaultDomainPasswordPolicy',
    target: `${str(v.Identity) ?? ''}:ADDefaultDomainPasswordPolicy`,
  };
  const p = policyPatch(c, v);
  if (!p.ok) return p.lines;
  return () => setScript(c, v, p.patch);
});

// --- Get-ADDomain ------------------------------------------------------------------------------

const domainSpec = cmdletSpec('Get-ADDomain');

/** The Default Domain Policy, which Windows links to the domain root. */
const DEFAULT_DOMAIN_POLICY = '{31B2F340-016D-11D2-945F-00C04FB984F9}';

/** The domain root as listObjects returns it (first), and the DCs as listComputers does. */
interface DomainRoot {
  dn: string;
  objectClass: string;
  sid?: string;
}

/** The ADDomain object (its properties in the order Format-List shows them). */
function domainList(fqdn: string, netbios: string, sid: string, guid: string, dcs: string[]): CommandResult {
  const dn = domainDnOf(fqdn);
  const master = dcs[0] ?? '';
  return listed(`${AD_NS}.ADDomain`, [
    [
      ['AllowedDNSSuffixes', '{}'],
      ['ChildDomains', '{}'],
      ['ComputersContainer', `CN=Computers,${dn}`],
      ['DeletedObjectsContainer', `CN=Deleted Objects,${dn}`],
      ['DistinguishedName', dn],
      ['DNSRoot', fqdn],
      ['DomainControllersContainer', `OU=Domain Controllers,${dn}`],
      // The lab's DC runs Windows Server 2022, whose highest domain functional level is 2016.
      ['DomainMode', 'Windows2016Domain'],
      ['DomainSID', sid],
      ['ForeignSecurityPrincipalsContainer', `CN=ForeignSecurityPrincipals,${dn}`],
      ['Forest', fqdn],
      ['InfrastructureMaster', master],
      ['LastLogonReplicationInterval', ''],
      ['LinkedGroupPolicyObjects', psCollection([`CN=${DEFAULT_DOMAIN_POLICY},CN=Policies,CN=System,${dn}`])],
      ['LostAndFoundContainer', `CN=LostAndFound,${dn}`],
      ['ManagedBy', ''],
      ['Name', fqdn.split('.')[0] ?? fqdn],
      ['NetBIOSName', netbios],
      ['ObjectClass', 'domainDNS'],
      ['ObjectGUID', guid],
      ['ParentDomain', ''],
      ['PDCEmulator', master],
      ['QuotasContainer', `CN=NTDS Quotas,${dn}`],
      ['ReadOnlyReplicaDirectoryServers', '{}'],
      ['ReplicaDirectoryServers', psCollection(dcs)],
      ['RIDMaster', master],
      [
        'SubordinateReferences',
        psCollection([`DC=ForestDnsZones,${dn}`, `DC=DomainDnsZones,${dn}`, `CN=Configuration,${dn}`]),
      ],
      ['SystemsContainer', `CN=System,${dn}`],
      ['UsersContainer', `CN=Users,${dn}`],
    ],
  ]);
}

function* domainScript(c: AdCmdlet, v: Values): Script<CommandResult> {
  const s = yield* openAdws(c, str(v.Server));
  if (!s.ok) return { lines: s.lines };
  const { domainFqdn: fqdn, domainNetbios: netbios } = c.env.host;
  const objects = yield* s.session.call<DomainRoot[]>({ op: 'listObjects' });
  if (!objects.ok) return { lines: objects.lines };
  const sid = objects.value.find((o) => o.objectClass === 'domainDNS')?.sid ?? '';
  const guid = s.session.dc.domainGuid ?? '';
  // The domain answers to its DNS name, NetBIOS name, distinguished name, SID or GUID.
  const identity = str(v.Identity)?.trim().toLowerCase();
  const ids = [sid, guid].filter((x) => x !== '').map((x) => x.toLowerCase());
  if (identity !== undefined && !isThisDomain(identity, fqdn, netbios) && !ids.includes(identity))
    return { lines: notFound(c, str(v.Identity) ?? '') };
  const computers = yield* s.session.call<ComputerRecord[]>({ op: 'listComputers' });
  if (!computers.ok) return { lines: computers.lines };
  const dcs = computers.value
    .filter((x) => /^OU=Domain Controllers,/i.test(x.parent))
    .map((x) => x.dnsHostName)
    .sort();
  return domainList(fqdn, netbios, sid, guid, dcs);
}

const getAdDomain = adCmdlet(domainSpec, (env, v) => {
  const c: AdCmdlet = { env, name: domainSpec.name, className: 'GetADDomain', target: str(v.Identity) };
  return () => domainScript(c, v);
});

/** The family's commands, as commands/index.ts registers them. */
export const DOMAIN_COMMANDS: readonly CommandDef[] = [
  getAdDomain,
  getAdDefaultDomainPasswordPolicy,
  setAdDefaultDomainPasswordPolicy,
];
