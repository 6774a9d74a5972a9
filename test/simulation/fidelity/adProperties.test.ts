/**
 * Issue 15, item 16: `Get-ADUser -Properties *` and `Get-ADSyncConnector` show the full property
 * sets. Sources: Microsoft Learn "Get-ADUser" (learn.microsoft.com/powershell/module/activedirectory/get-aduser:
 * `-Properties *` returns every property set on the object) checked against a real listing from a
 * Windows Server DC (extended properties always, LDAP-only attributes such as mail or adminCount only
 * when set, constructed ones such as msDS-UserPasswordExpiryTimeComputed only when named); the
 * Connector object's property order from a real Connector exported as JSON (unconfirmed against
 * Microsoft Learn; docs/fidelity.md).
 */
import { describe, expect, it } from 'vitest';
import { out, workingLab } from '../faults/faultHarness';

const names = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^\S.* :/.test(l) || /^\S+ +:$/.test(l))
    .map((l) => l.slice(0, l.indexOf(':')).trim());

describe('Get-ADUser -Properties * (learn.microsoft.com/powershell/module/activedirectory/get-aduser)', () => {
  it('lists the properties a real Get-ADUser -Properties * shows, in the module order', () => {
    const lab = workingLab();
    const props = names(out(lab, 'dc01', 'Get-ADUser michael.brown -Properties *'));
    for (const p of [
      'AllowReversiblePasswordEncryption',
      'Certificates',
      'codePage',
      'countryCode',
      'createTimeStamp',
      'DoesNotRequirePreAuth',
      'HomedirRequired',
      'instanceType',
      'lastLogoff',
      'LogonWorkstations',
      'MNSLogonAccount',
      'modifyTimeStamp',
      'msDS-User-Account-Control-Computed',
      'nTSecurityDescriptor',
      'sDRightsEffective',
      'ServicePrincipalNames',
      'SIDHistory',
      'SmartcardLogonRequired',
      'sn',
      'TrustedForDelegation',
      'TrustedToAuthForDelegation',
      'UseDESKeyOnly',
      'userCertificate',
    ])
      expect(props).toContain(p);
    expect(props.indexOf('AccountExpirationDate')).toBe(0);
    expect(props.at(-1)).toBe('whenCreated');
  });

  it('LDAP attributes appear only when set; constructed ones only when named', () => {
    const lab = workingLab();
    const props = names(out(lab, 'dc01', 'Get-ADUser michael.brown -Properties *'));
    expect(props).toContain('mail');
    expect(props).toContain('mobile');
    expect(props).not.toContain('adminCount');
    expect(props).not.toContain('lockoutTime');
    expect(props).not.toContain('msDS-UserPasswordExpiryTimeComputed');
    expect(
      names(out(lab, 'dc01', 'Get-ADUser michael.brown -Properties msDS-UserPasswordExpiryTimeComputed')),
    ).toContain('msDS-UserPasswordExpiryTimeComputed');
  });
});

describe('Get-ADSyncConnector (learn.microsoft.com/entra/identity/hybrid/connect/reference-connect-adsync)', () => {
  it("shows the Connector object's property set in its order", () => {
    const lab = workingLab();
    const text = out(lab, 'sync01', 'Get-ADSyncConnector -Name laborhub.store');
    expect(names(text)).toEqual([
      'ConnectorTypeName',
      'Identifier',
      'Version',
      'InternalVersion',
      'FormatVersion',
      'Name',
      'Description',
      'CreationTime',
      'LastModificationTime',
      'Partitions',
      'RunProfiles',
      'ComponentProvisioningMappings',
      'Schema',
      'AllParameterDefinitions',
      'ConnectivityParameters',
      'GlobalParameters',
      'CapabilityParameters',
      'SchemaParameters',
      'ObjectInclusionList',
      'AttributeInclusionList',
      'AnchorConstructionSettings',
      'ListName',
      'CompanyName',
      'Type',
      'Subtype',
      'IsUpgradeOrImportScenario',
      'ExtensionConfiguration',
      'PasswordHashConfiguration',
      'AADPasswordResetConfiguration',
    ]);
    expect(text).toMatch(
      /^ConnectivityParameters +: \{forest-name, forest-port, forest-guid, forest-login-user\.\.\.\}$/m,
    );
  });
});
