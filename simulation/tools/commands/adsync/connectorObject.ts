/**
 * Get-ADSyncConnector's Connector object: its properties in the order the ADSync module's object
 * model serialises them (ConnectorTypeName … AADPasswordResetConfiguration; the order of a real
 * Connector exported as JSON, seen in a third-party tool's model of it: unconfirmed against
 * Microsoft Learn, listed in docs/fidelity.md). The lab fills what it models (type, identifier,
 * name, partitions, run profiles, the AD connector's connectivity parameter names, company name,
 * sub type); values it does not model (inclusion lists, parameter definitions, the times, the
 * extension and password configurations) print empty. Pure.
 */
import type { ConnectorView } from '../../../sync/requests';
import { psCollection, type PsValue } from '../../shell/psFormat';

const OBJECT_MODEL = 'Microsoft.IdentityManagement.PowerShell.ObjectModel';

/** The run profiles a wizard-created connector has. */
const RUN_PROFILES = [
  'Full Import',
  'Full Synchronization',
  'Delta Import',
  'Delta Synchronization',
  'Export',
];

/** The AD connector's connectivity parameters by name (their values are not shown in the list). */
const AD_CONNECTIVITY = [
  'forest-name',
  'forest-port',
  'forest-guid',
  'forest-login-user',
  'forest-login-domain',
];

export function connectorRecord(c: ConnectorView): [string, PsValue][] {
  const ad = c.type === 'AD';
  return [
    ['ConnectorTypeName', c.type],
    ['Identifier', c.identifier],
    ['Version', 1],
    ['InternalVersion', 1],
    ['FormatVersion', 1],
    ['Name', c.name],
    ['Description', ''],
    ['CreationTime', ''],
    ['LastModificationTime', ''],
    ['Partitions', psCollection(c.partitions)],
    ['RunProfiles', psCollection(RUN_PROFILES)],
    ['ComponentProvisioningMappings', `${OBJECT_MODEL}.ComponentProvisioningMappings`],
    ['Schema', `${OBJECT_MODEL}.Schema`],
    ['AllParameterDefinitions', '{}'],
    ['ConnectivityParameters', ad ? psCollection(AD_CONNECTIVITY) : '{}'],
    ['GlobalParameters', '{}'],
    ['CapabilityParameters', '{}'],
    ['SchemaParameters', '{}'],
    ['ObjectInclusionList', ''],
    ['AttributeInclusionList', '{}'],
    ['AnchorConstructionSettings', '{}'],
    ['ListName', ''],
    ['CompanyName', ad ? 'Microsoft' : ''],
    ['Type', c.type],
    ['Subtype', c.subType],
    ['IsUpgradeOrImportScenario', false],
    ['ExtensionConfiguration', ''],
    ['PasswordHashConfiguration', ''],
    ['AADPasswordResetConfiguration', ''],
  ];
}
