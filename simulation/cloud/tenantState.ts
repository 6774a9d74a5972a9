/**
 * The Microsoft Entra ID tenant as data: users (cloud-only and synchronised), groups, licences,
 * admin roles, the SSPR policy blades, the authentication methods policy, the relay connection of
 * the on-premises writeback client, and the audit and sign-in logs.
 */
import type { LabCompat } from '../core/definition';
import type { RngState } from '../core/random';

export type SsprScope = 'None' | 'Selected' | 'All';

/** Legacy SSPR methods (Password reset > Authentication methods). */
export interface SsprMethods {
  mobileAppNotification: boolean;
  mobileAppCode: boolean;
  email: boolean;
  mobilePhone: boolean;
  officePhone: boolean;
  securityQuestions: boolean;
}

export interface SsprPolicy {
  enabled: SsprScope;
  /** For Selected: the one group whose members may reset. */
  selectedGroup?: string;
  methodsRequired: 1 | 2;
  methods: SsprMethods;
  registration: { requireOnSignIn: boolean; reconfirmDays: number };
  notifications: { notifyUsers: boolean; notifyAdmins: boolean };
  customization: { helpdeskLink: boolean; helpdeskUrl?: string };
  onPremises: { writeback: boolean; cloudSyncWriteback: boolean; allowUnlock: boolean };
}

export type AuthMethodId =
  | 'fido2'
  | 'microsoftAuthenticator'
  | 'sms'
  | 'temporaryAccessPass'
  | 'hardwareOath'
  | 'softwareOath'
  | 'voice'
  | 'email';

/** One method's settings page, "Enable and Target": who it is for, and who is left out. */
export interface AuthMethodPolicy {
  enabled: boolean;
  /** Include: All users, or these groups (by name). */
  include: 'all' | string[];
  /** Exclude: these groups, whatever Include says. */
  exclude: string[];
}

export const AUTH_METHOD_LABELS: Record<AuthMethodId, string> = {
  fido2: 'Passkey (FIDO2)',
  microsoftAuthenticator: 'Microsoft Authenticator',
  sms: 'SMS',
  temporaryAccessPass: 'Temporary Access Pass',
  hardwareOath: 'Hardware OATH tokens (Preview)',
  softwareOath: 'Software OATH tokens',
  voice: 'Voice call',
  email: 'Email OTP',
};

/** A user's registered authentication methods (Security info). */
export interface RegisteredMethods {
  sms?: { phone: string; registeredAt: number };
  authenticator?: { device: string; phoneId: string; secret: number; registeredAt: number };
  email?: { address: string; registeredAt: number };
}

export interface CloudUser {
  id: string;
  upn: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail?: string;
  mobile?: string;
  accountEnabled: boolean;
  /** Synchronised from on-premises AD (password mastered on-premises). */
  onPremisesSyncEnabled: boolean;
  onPremisesImmutableId?: string;
  onPremisesSamAccountName?: string;
  onPremisesDistinguishedName?: string;
  onPremisesLastSyncAt?: number;
  /** Truth only: the password the cloud accepts, if any (from PHS, writeback or a cloud reset). */
  password?: string;
  passwordSetAt?: number;
  licenses: string[];
  roles: string[];
  methods: RegisteredMethods;
  /** When the user last confirmed their security info (registration re-confirmation). */
  methodsConfirmedAt?: number;
  createdAt: number;
}

export interface CloudGroup {
  id: string;
  name: string;
  onPremisesSyncEnabled: boolean;
  anchor?: string;
  /** Member user ids. */
  members: string[];
}

export interface AuditEntry {
  id: string;
  time: number;
  service: 'Self-service Password Management' | 'Authentication Methods' | 'Core Directory' | 'Sync';
  category: string;
  activity: string;
  status: 'Success' | 'Failure';
  statusReason?: string;
  target?: string;
  initiatedBy: string;
  details?: Record<string, string>;
}

export interface SignInEntry {
  id: string;
  time: number;
  user: string;
  application: string;
  status: 'Success' | 'Failure' | 'Interrupted';
  errorCode?: number;
  failureReason?: string;
}

export interface RelayConnection {
  serverName: string;
  /** The sync server's address on its LAN (the relay answers over its outbound connection). */
  lanIp: string;
  since: number;
  lastHeartbeat: number;
}

export interface ConnectRegistration {
  serverName: string;
  /** The company feature "PasswordHashSync" (Get-ADSyncAADCompanyFeature). */
  passwordHashSync: boolean;
  /** The Connect server has password writeback enabled and onboarded (keys exchanged). */
  writebackOnboarded: boolean;
  connectorAccount?: string;
  lastSyncAt?: number;
  lastPasswordSyncAt?: number;
  syncAccount: string;
  /** Truth only. */
  syncPassword: string;
}

export interface TenantState {
  name: string;
  tenantId: string;
  initialDomain: string;
  domains: { name: string; verified: boolean }[];
  licenses: { sku: string; name: string; total: number }[];
  /** Licences given to every synchronised user when it is created (group-based licensing). */
  autoLicense?: string;
  users: CloudUser[];
  groups: CloudGroup[];
  sspr: SsprPolicy;
  authMethods: Record<AuthMethodId, AuthMethodPolicy>;
  /**
   * Authentication methods > Manage migration. At "Migration complete" the legacy SSPR and MFA
   * method lists no longer count; only the authentication methods policy does.
   */
  methodsMigration: 'Pre-migration' | 'Migration in progress' | 'Migration complete';
  /** Graph authorizationPolicy.allowedToUseSSPR: whether administrators may use SSPR. */
  allowedToUseSspr: boolean;
  connect?: ConnectRegistration;
  relay?: RelayConnection;
  audit: AuditEntry[];
  signIns: SignInEntry[];
  /** Reset attempts per user id (for throttling), lab times. */
  resetAttempts: Record<string, number[]>;
  /** Users blocked from SSPR until the given time. */
  blockedUntil: Record<string, number>;
  /** Smart lockout's count of failed cloud sign-ins per user id (smartLockout.ts); absent until one fails. */
  smartLockout?: Record<string, SmartLockoutState>;
  /** Methods users had registered before the lab began, applied when their synced account appears. */
  seededMethods: Record<string, RegisteredMethods>;
  /** Behaviour kept for sessions journalled by an earlier HybridLab (LabDefinition.compat). */
  compat?: LabCompat;
  rng: RngState;
}

/** One user's smart lockout counter: distinct bad passwords counted, and the lockout, if any. */
export interface SmartLockoutState {
  failures: number;
  /** Hashes of the last three distinct bad passwords (the same bad password does not count again). */
  badHashes: string[];
  /** When the password these failures were counted against was set (a new password starts afresh). */
  passwordSetAt: number;
  /** Locked until this lab time. */
  lockedUntil?: number;
}

export const LOG_LIMIT = 2000;

export function pushCapped<T>(list: readonly T[], item: T, limit = LOG_LIMIT): T[] {
  const out = list.length >= limit ? list.slice(list.length - limit + 1) : list.slice();
  out.push(item);
  return out;
}

export function findCloudUser(t: TenantState, upnOrId: string): CloudUser | undefined {
  const k = upnOrId.trim().toLowerCase();
  return t.users.find((u) => u.upn.toLowerCase() === k || u.id === k);
}

export function updateUser(t: TenantState, id: string, patch: Partial<CloudUser>): TenantState {
  return { ...t, users: t.users.map((u) => (u.id === id ? { ...u, ...patch } : u)) };
}

export function isMember(t: TenantState, groupName: string, userId: string): boolean {
  const g = t.groups.find((x) => x.name.toLowerCase() === groupName.toLowerCase());
  return !!g && g.members.includes(userId);
}

/** Admin roles to which Microsoft's fixed two-gate policy applies (reference §1.4). */
export const ADMIN_ROLES = [
  'Global Administrator',
  'Helpdesk Administrator',
  'Password Administrator',
  'User Administrator',
  'Hybrid Identity Administrator',
  'Authentication Administrator',
  'Privileged Authentication Administrator',
  'Security Administrator',
  'Exchange Administrator',
  'SharePoint Administrator',
  'Directory Synchronization Accounts',
];
