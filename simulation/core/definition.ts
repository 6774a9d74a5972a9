/**
 * A lab definition: the topology, the directory and the tenant a lab starts from. Plain data,
 * serialisable, validated before use. The default lab (defaultLab.ts) is the seed guide's.
 */
import type { PasswordPolicy } from './directoryTypes';

/** The transports the lab's network carries. */
export type Transport = 'udp' | 'tcp' | 'icmp';

/** A rule of the edge firewall (the gateway's page, the definition's starting rules). */
export interface FirewallRule {
  id: string;
  /** Where the rule sits: the edge firewall between the LAN and the internet. */
  direction: 'outbound' | 'inbound';
  action: 'block' | 'allow';
  /** drop (silently) or reject (refuse at once); only for block rules. */
  mode?: 'drop' | 'reject';
  srcCidr?: string;
  dstCidr?: string;
  /** Host-name pattern such as `*.servicebus.windows.net`. */
  host?: string;
  transport?: Transport;
  port?: number;
}

export type HostKind = 'dc' | 'sync' | 'client';

export type NicConfig =
  { mode: 'static'; ip: string; prefix: number; gateway?: string; dnsServers: string[] } | { mode: 'dhcp' };

export interface HostDefinition {
  id: string;
  kind: HostKind;
  hostname: string;
  /** What the canvas shows a learner under the name. */
  role: string;
  os: string;
  osBuild: string;
  nic: { mac: string; description: string; config: NicConfig };
  /** Distinguished name of the computer object's container. */
  ou: string;
  /** Who normally uses this PC (signs in on it). */
  primaryUser?: string;
}

export interface OuDefinition {
  dn: string;
  name: string;
  description?: string;
}

export interface UserDefinition {
  sam: string;
  givenName: string;
  surname: string;
  displayName: string;
  ou: string;
  /** The user's password when the lab starts (truth only; a learner is told it in a briefing). */
  password: string;
  title?: string;
  department?: string;
  mobile?: string;
  mail?: string;
  groups: string[];
  enabled: boolean;
  /** Days before the lab start when the password was last set. */
  passwordAgeDays: number;
  passwordNeverExpires?: boolean;
}

export interface GroupDefinition {
  name: string;
  dn: string;
  scope: 'Global' | 'DomainLocal' | 'Universal';
  description?: string;
  builtin?: boolean;
}

export interface DhcpScopeDefinition {
  name: string;
  network: string;
  mask: string;
  rangeStart: string;
  rangeEnd: string;
  exclusions: { start: string; end: string }[];
  leaseDays: number;
  router: string;
  dnsServers: string[];
  domainName: string;
}

/** Registered authentication methods a user already has when the lab starts. */
export interface SeededRegistration {
  upn: string;
  sms?: string;
  /** The id of the phone whose Authenticator app holds the account. */
  authenticator?: string;
}

export interface TenantDefinition {
  name: string;
  tenantId: string;
  initialDomain: string;
  customDomains: { name: string; verified: boolean }[];
  /** Cloud-only global administrator used in the Connect wizard. */
  globalAdmin: { upn: string; displayName: string; password: string };
  licenses: { sku: string; name: string; total: number }[];
  /** How the tenant is set up when the lab starts (omitted: a fresh tenant). */
  initial?: {
    ssprEnabled?: 'None' | 'Selected' | 'All';
    methodsRequired?: 1 | 2;
    registration?: { requireOnSignIn: boolean; reconfirmDays: number };
    onPremisesWriteback?: boolean;
    allowUnlock?: boolean;
    authMethods?: { method: string; enabled: boolean }[];
    registrations?: SeededRegistration[];
  };
}

export interface PhoneDefinition {
  id: string;
  owner: string;
  label: string;
  number: string;
  model: string;
}

export interface PublicEndpoint {
  /** systemId of the internet device that answers at this address. */
  owner: 'tenant' | 'internet';
  ip: string;
  names: string[];
  /** TCP ports that accept connections. */
  ports: number[];
  /** The reverse-lookup name (nslookup's "Server:" line). */
  ptr?: string;
}

/** Microsoft Entra Connect Sync as the lab starts it. */
export interface ConnectDefinition {
  /** The host id of the sync server. */
  host: string;
  state: 'installed' | 'configured';
  connectorAccount: { user: string; password: string };
  syncAccount: { user: string; password: string };
  features: { passwordHashSync: boolean; passwordWriteback: boolean };
  ouFilter: 'all' | string[];
  /** Permissions the AD DS connector account was given when Connect was installed. */
  permissions: { passwordHashSync: boolean; passwordWriteback: boolean };
}

/**
 * Behaviour an earlier HybridLab had, kept for the sessions it journalled (set when such a journal
 * is read, never by a lab's author): `authenticatorPushOnScan`, Security info went on to "Let's try
 * it out" as soon as the phone scanned the QR code, without waiting for Next (journal version 1).
 */
export interface LabCompat {
  authenticatorPushOnScan?: boolean;
}

export interface LabDefinition {
  schemaVersion: 1;
  id: string;
  title: string;
  /** ISO-8601 lab start, e.g. 2026-03-02T08:00:00Z. */
  startTime: string;
  timeZone: { id: string; displayName: string; offsetMinutes: number };
  domain: { fqdn: string; netbios: string; dn: string; forest: string; siteName: string; domainGuid: string };
  lan: { cidr: string; gateway: string };
  firewall: FirewallRule[];
  internet: { publicDns: string; endpoints: PublicEndpoint[] };
  hosts: HostDefinition[];
  dhcpScope: DhcpScopeDefinition;
  ous: OuDefinition[];
  groups: GroupDefinition[];
  users: UserDefinition[];
  passwordPolicy: PasswordPolicy;
  tenant: TenantDefinition;
  phones: PhoneDefinition[];
  connect: ConnectDefinition;
  compat?: LabCompat;
}
