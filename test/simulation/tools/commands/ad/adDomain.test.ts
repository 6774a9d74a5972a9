/**
 * Get-ADDomain (the ActiveDirectory module, on the DC and SYNC01): the domain as the DC holds it,
 * the ADDomain object's properties as Microsoft's ADDomain class lists them. Added as a declaration
 * (catalog/ad.ts) and a handler (commands/ad/adDomain.ts) only: Get-Help, Get-Command and Tab
 * completion find it from the declaration.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { must, newLab, run } from '../../../../harness';
import { complete } from '../../../../../simulation/tools/shell/complete';
import type { Lab } from '../../../../../simulation/facade/lab';

let lab: Lab;
const ps = (host: string, line: string) => run(lab, host, line, 'powershell');
const dir = () => lab.truth().hosts.dc01?.roles.directory;
/** The value Format-List shows for a property. */
const prop = (lines: string[], name: string) =>
  lines.find((l) => l.startsWith(`${name} `))?.replace(/^\S+\s+: ?/, '');

beforeEach(() => {
  lab = newLab();
});

describe('Get-ADDomain', () => {
  it('lists the domain: its names, containers, SID, masters and replica servers', () => {
    const out = ps('dc01', 'Get-ADDomain');
    const d = dir();
    expect(d).toBeDefined();
    const dn = d?.domainDn ?? '';
    const names = out.filter((l) => /^\w+\s+:/.test(l)).map((l) => l.split(/\s/)[0]);
    expect(names).toEqual([
      'AllowedDNSSuffixes',
      'ChildDomains',
      'ComputersContainer',
      'DeletedObjectsContainer',
      'DistinguishedName',
      'DNSRoot',
      'DomainControllersContainer',
      'DomainMode',
      'DomainSID',
      'ForeignSecurityPrincipalsContainer',
      'Forest',
      'InfrastructureMaster',
      'LastLogonReplicationInterval',
      'LinkedGroupPolicyObjects',
      'LostAndFoundContainer',
      'ManagedBy',
      'Name',
      'NetBIOSName',
      'ObjectClass',
      'ObjectGUID',
      'ParentDomain',
      'PDCEmulator',
      'QuotasContainer',
      'ReadOnlyReplicaDirectoryServers',
      'ReplicaDirectoryServers',
      'RIDMaster',
      'SubordinateReferences',
      'SystemsContainer',
      'UsersContainer',
    ]);
    expect(prop(out, 'DistinguishedName')).toBe(dn);
    expect(prop(out, 'DNSRoot')).toBe('laborhub.store');
    expect(prop(out, 'Forest')).toBe('laborhub.store');
    expect(prop(out, 'Name')).toBe('laborhub');
    expect(prop(out, 'NetBIOSName')).toBe(d?.netbios);
    expect(prop(out, 'DomainSID')).toBe(d?.domainSid);
    expect(prop(out, 'DomainSID')).toMatch(/^S-1-5-21-\d+-\d+-\d+$/);
    expect(prop(out, 'ObjectGUID')).toMatch(/^[0-9a-f-]{36}$/i);
    expect(prop(out, 'UsersContainer')).toBe(`CN=Users,${dn}`);
    expect(prop(out, 'DomainControllersContainer')).toBe(`OU=Domain Controllers,${dn}`);
    expect(prop(out, 'PDCEmulator')).toMatch(/^DC01\.laborhub\.store$/i);
    expect(prop(out, 'ReplicaDirectoryServers')).toBe(`{${prop(out, 'PDCEmulator')}}`);
    expect(prop(out, 'ObjectClass')).toBe('domainDNS');
  });

  it('answers the same from SYNC01 (RSAT) and for the domain by any of its names', () => {
    const here = ps('dc01', 'Get-ADDomain');
    expect(ps('sync01', 'Get-ADDomain')).toEqual(here);
    const sid = prop(here, 'DomainSID') ?? '';
    for (const id of ['laborhub.store', dir()?.netbios ?? '', dir()?.domainDn ?? '', sid])
      expect(ps('dc01', `Get-ADDomain -Identity '${id}'`)).toEqual(here);
    expect(ps('dc01', 'Get-ADDomain -Current LocalComputer')).toEqual(here);
    expect(ps('dc01', 'Get-ADDomain | Select-Object -ExpandProperty NetBIOSName').join('\n')).toContain(
      dir()?.netbios ?? '?',
    );
  });

  it('a domain it does not know is not found; a bad -Current does not bind', () => {
    const out = ps('dc01', 'Get-ADDomain contoso.com').join('\n');
    expect(out).toContain(`Cannot find an object with identity: 'contoso.com' under: '${dir()?.domainDn}'.`);
    expect(out).toContain('Microsoft.ActiveDirectory.Management.Commands.GetADDomain');
    expect(ps('dc01', 'Get-ADDomain -Current Nobody').join('\n')).toContain('ADCurrentDomainType');
  });

  it('needs the DC: with ADWS stopped it cannot contact the server, as the other AD cmdlets do', () => {
    must(lab, { type: 'service.stop', host: 'dc01', service: 'ADWS' });
    expect(ps('sync01', 'Get-ADDomain').join('\n')).toContain(
      'Get-ADDomain : Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.',
    );
  });

  it('exists only where the AD module is installed', () => {
    expect(ps('pc1', 'Get-ADDomain').join('\n')).toContain(
      "The term 'Get-ADDomain' is not recognized as the name of a cmdlet",
    );
  });

  it('Get-Help, Get-Command and Tab completion take it from its declaration', () => {
    expect(ps('dc01', 'Get-Help Get-ADDomain').join('\n')).toContain('Gets an Active Directory domain.');
    expect(ps('dc01', 'Get-Command Get-ADDomain').join('\n')).toMatch(
      /Cmdlet\s+Get-ADDomain\s+1\.0\.1\.0\s+ActiveDirectory/,
    );
    const ctx = { host: { kind: 'dc' as const }, shell: 'powershell' as const, values: {} };
    expect(complete('Get-ADDom', 9, ctx).candidates).toContain('Get-ADDomain');
    expect(complete('Get-ADDomain -Cu', 16, ctx).candidates).toEqual(['-Current']);
    expect(complete('Get-ADDomain -Current Lo', 24, ctx).candidates).toEqual([
      'LocalComputer',
      'LoggedOnUser',
    ]);
  });
});
