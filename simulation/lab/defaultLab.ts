/**
 * The seed guide's lab: laborhub.store with one domain controller (AD DS, DNS, DHCP, time source),
 * the Microsoft Entra Connect Sync server at 192.168.6.10/24, three DHCP client PCs (PC2 is
 * Michael Brown's), Michael's phone, and the Entra ID tenant "Everestitt" with laborhub.store
 * verified. Names other than those of the guide are realistic placeholders.
 */
import type { LabDefinition, UserDefinition } from '../core/definition';

const DOMAIN_DN = 'DC=laborhub,DC=store';
const OU_ROOT = `OU=LaborHub,${DOMAIN_DN}`;
const OU_STAFF = `OU=Staff,${OU_ROOT}`;
const OU_IT = `OU=IT,${OU_ROOT}`;
const OU_GROUPS = `OU=Groups,${OU_ROOT}`;
const OU_WORKSTATIONS = `OU=Workstations,${OU_ROOT}`;
const OU_SERVERS = `OU=Servers,${OU_ROOT}`;

function staff(
  sam: string,
  givenName: string,
  surname: string,
  extra: Partial<UserDefinition> & Pick<UserDefinition, 'password'>,
): UserDefinition {
  return {
    sam,
    givenName,
    surname,
    displayName: `${givenName} ${surname}`,
    ou: OU_STAFF,
    groups: ['Domain Users'],
    enabled: true,
    passwordAgeDays: 30,
    mail: `${sam}@laborhub.store`,
    ...extra,
  };
}

export const DEFAULT_LAB: LabDefinition = {
  schemaVersion: 1,
  id: 'laborhub-default',
  title: 'LaborHub hybrid identity lab',
  startTime: '2026-03-02T08:00:00Z',
  timeZone: { id: 'UTC', displayName: '(UTC) Coordinated Universal Time', offsetMinutes: 0 },
  domain: {
    fqdn: 'laborhub.store',
    netbios: 'LABORHUB',
    dn: DOMAIN_DN,
    forest: 'laborhub.store',
    siteName: 'Default-First-Site-Name',
    domainGuid: '6f1c2b7a-3d4e-4c8b-9a1f-2e5d7c9b0a41',
  },
  lan: { cidr: '192.168.6.0/24', gateway: '192.168.6.1' },
  firewall: [],
  internet: {
    publicDns: '8.8.8.8',
    endpoints: [
      { owner: 'internet', ip: '8.8.8.8', names: ['dns.google'], ports: [53, 443], ptr: 'dns.google' },
      {
        owner: 'tenant',
        ip: '20.190.160.20',
        names: ['login.microsoftonline.com', 'login.windows.net', 'passwordreset.microsoftonline.com'],
        ports: [443],
      },
      {
        owner: 'tenant',
        ip: '20.190.160.30',
        names: ['adminwebservice.microsoftonline.com', 'provisioningapi.microsoftonline.com'],
        ports: [443],
      },
      {
        owner: 'tenant',
        ip: '20.50.15.10',
        names: ['ssprdedicatedsbprodfra-1.servicebus.windows.net'],
        ports: [443, 9350, 9351, 9352, 9353, 9354],
      },
      // The namespaces Microsoft's troubleshooting pages and older writeback events name
      // (ssprdedicatedsbprodscu in the documented Test-NetConnection / Invoke-WebRequest tests,
      // ssprdedicatedsbprodncu in 32002/32011/32013): other Service Bus namespaces, reachable
      // on the same ports, not this tenant's relay (addresses are the lab's own).
      {
        owner: 'internet',
        ip: '20.50.15.20',
        names: ['ssprdedicatedsbprodscu.servicebus.windows.net'],
        ports: [443, 9350, 9351, 9352, 9353, 9354],
      },
      {
        owner: 'internet',
        ip: '20.50.15.30',
        names: ['ssprdedicatedsbprodncu.servicebus.windows.net'],
        ports: [443, 9350, 9351, 9352, 9353, 9354],
      },
    ],
  },
  hosts: [
    {
      id: 'dc01',
      kind: 'dc',
      hostname: 'DC01',
      role: 'Domain controller (AD DS, DNS, DHCP)',
      os: 'Microsoft Windows Server 2022 Datacenter',
      osBuild: '10.0.20348.2582',
      nic: {
        mac: '00-15-5D-06-00-02',
        description: 'Microsoft Hyper-V Network Adapter',
        config: {
          mode: 'static',
          ip: '192.168.6.2',
          prefix: 24,
          gateway: '192.168.6.1',
          dnsServers: ['127.0.0.1'],
        },
      },
      ou: `OU=Domain Controllers,${DOMAIN_DN}`,
    },
    {
      id: 'sync01',
      kind: 'sync',
      hostname: 'SYNC01',
      role: 'Microsoft Entra Sync Server',
      os: 'Microsoft Windows Server 2022 Standard',
      osBuild: '10.0.20348.2582',
      nic: {
        mac: '00-15-5D-06-00-0A',
        description: 'Microsoft Hyper-V Network Adapter',
        config: {
          mode: 'static',
          ip: '192.168.6.10',
          prefix: 24,
          gateway: '192.168.6.1',
          dnsServers: ['192.168.6.2'],
        },
      },
      ou: OU_SERVERS,
    },
    {
      id: 'pc1',
      kind: 'client',
      hostname: 'PC1',
      role: 'Client PC (Emma Wilson)',
      os: 'Microsoft Windows 11 Pro',
      osBuild: '10.0.26100.2605',
      nic: {
        mac: '00-15-5D-06-01-01',
        description: 'Intel(R) 82574L Gigabit Network Connection',
        config: { mode: 'dhcp' },
      },
      ou: OU_WORKSTATIONS,
      primaryUser: 'emma.wilson',
    },
    {
      id: 'pc2',
      kind: 'client',
      hostname: 'PC2',
      role: 'Client PC (Michael Brown)',
      os: 'Microsoft Windows 11 Pro',
      osBuild: '10.0.26100.2605',
      nic: {
        mac: '00-15-5D-06-01-02',
        description: 'Intel(R) 82574L Gigabit Network Connection',
        config: { mode: 'dhcp' },
      },
      ou: OU_WORKSTATIONS,
      primaryUser: 'michael.brown',
    },
    {
      id: 'pc3',
      kind: 'client',
      hostname: 'PC3',
      role: 'Client PC (James Carter)',
      os: 'Microsoft Windows 11 Pro',
      osBuild: '10.0.26100.2605',
      nic: {
        mac: '00-15-5D-06-01-03',
        description: 'Intel(R) 82574L Gigabit Network Connection',
        config: { mode: 'dhcp' },
      },
      ou: OU_WORKSTATIONS,
      primaryUser: 'james.carter',
    },
  ],
  dhcpScope: {
    name: 'LaborHub LAN',
    network: '192.168.6.0',
    mask: '255.255.255.0',
    rangeStart: '192.168.6.1',
    rangeEnd: '192.168.6.254',
    exclusions: [{ start: '192.168.6.1', end: '192.168.6.99' }],
    leaseDays: 8,
    router: '192.168.6.1',
    dnsServers: ['192.168.6.2'],
    domainName: 'laborhub.store',
  },
  ous: [
    { dn: OU_ROOT, name: 'LaborHub', description: 'LaborHub objects' },
    { dn: OU_STAFF, name: 'Staff', description: 'Staff user accounts' },
    { dn: OU_IT, name: 'IT', description: 'IT department' },
    { dn: OU_GROUPS, name: 'Groups' },
    { dn: OU_WORKSTATIONS, name: 'Workstations' },
    { dn: OU_SERVERS, name: 'Servers' },
  ],
  groups: [
    { name: 'Domain Admins', dn: `CN=Domain Admins,CN=Users,${DOMAIN_DN}`, scope: 'Global', builtin: true },
    { name: 'Domain Users', dn: `CN=Domain Users,CN=Users,${DOMAIN_DN}`, scope: 'Global', builtin: true },
    {
      name: 'Enterprise Admins',
      dn: `CN=Enterprise Admins,CN=Users,${DOMAIN_DN}`,
      scope: 'Universal',
      builtin: true,
    },
    { name: 'Sales', dn: `CN=Sales,${OU_GROUPS}`, scope: 'Global', description: 'Sales team' },
    { name: 'IT Staff', dn: `CN=IT Staff,${OU_GROUPS}`, scope: 'Global', description: 'IT department' },
    {
      name: 'SSPR Users',
      dn: `CN=SSPR Users,${OU_GROUPS}`,
      scope: 'Global',
      description: 'Users allowed to reset their password',
    },
  ],
  users: [
    {
      sam: 'Administrator',
      givenName: '',
      surname: '',
      displayName: 'Administrator',
      ou: `CN=Users,${DOMAIN_DN}`,
      password: 'LabAdmin#2026',
      groups: ['Domain Users', 'Domain Admins', 'Enterprise Admins'],
      enabled: true,
      passwordAgeDays: 60,
      passwordNeverExpires: true,
    },
    staff('michael.brown', 'Michael', 'Brown', {
      password: 'Welcome@2026',
      title: 'Sales Representative',
      department: 'Sales',
      mobile: '+1 4255550142',
      groups: ['Domain Users', 'Sales', 'SSPR Users'],
    }),
    staff('emma.wilson', 'Emma', 'Wilson', {
      password: 'Sunrise!4821',
      title: 'Account Manager',
      department: 'Sales',
      mobile: '+1 4255550187',
      groups: ['Domain Users', 'Sales', 'SSPR Users'],
    }),
    staff('james.carter', 'James', 'Carter', {
      password: 'Harbor#7730',
      title: 'Accountant',
      department: 'Finance',
      mobile: '+1 4255550119',
    }),
    staff('olivia.martinez', 'Olivia', 'Martinez', {
      password: 'Maple$2290',
      title: 'HR Specialist',
      department: 'Human Resources',
    }),
    {
      ...staff('sophia.nguyen', 'Sophia', 'Nguyen', {
        password: 'Orbit%5564',
        title: 'Systems Administrator',
        department: 'IT',
        mobile: '+1 4255550171',
        groups: ['Domain Users', 'IT Staff'],
      }),
      ou: OU_IT,
    },
    {
      ...staff('daniel.kim', 'Daniel', 'Kim', {
        password: 'Cobalt^3318',
        title: 'Helpdesk Technician',
        department: 'IT',
        groups: ['Domain Users', 'IT Staff'],
      }),
      ou: OU_IT,
    },
  ],
  passwordPolicy: {
    minLength: 7,
    complexity: true,
    historyCount: 24,
    minAgeDays: 0,
    maxAgeDays: 42,
    lockoutThreshold: 5,
    lockoutDurationMinutes: 30,
    lockoutWindowMinutes: 30,
    reversibleEncryption: false,
  },
  tenant: {
    name: 'Everestitt',
    tenantId: '3c8f2d14-7b9a-4e61-8d25-9f0a6b1c4e73',
    initialDomain: 'everestitt.onmicrosoft.com',
    customDomains: [{ name: 'laborhub.store', verified: true }],
    globalAdmin: {
      upn: 'admin@everestitt.onmicrosoft.com',
      displayName: 'Lab Admin',
      password: 'CloudAdmin!2026',
    },
    licenses: [{ sku: 'AAD_PREMIUM', name: 'Microsoft Entra ID P1', total: 25 }],
  },
  connect: {
    host: 'sync01',
    state: 'configured',
    connectorAccount: { user: 'MSOL_3f9c2a1b7d44', password: 'k7#Qv2!xR9pL$m4Zt8@Wc' },
    syncAccount: {
      user: 'Sync_SYNC01_3f9c2a1b7d44@everestitt.onmicrosoft.com',
      password: 'Ys4!pQ8#nV2$kL7@rT9',
    },
    features: { passwordHashSync: false, passwordWriteback: false },
    ouFilter: 'all',
    permissions: { passwordHashSync: true, passwordWriteback: true },
  },
  phones: [
    {
      id: 'phone-michael',
      owner: 'michael.brown',
      label: "Michael's phone",
      number: '+1 4255550142',
      model: 'Android phone',
    },
  ],
};
