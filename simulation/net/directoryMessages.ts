/**
 * The directory's protocols as the lab's messages: what the PCs and the sync server say to the
 * domain controller (CLDAP ping, Kerberos, Netlogon, LDAP/ADWS/SAMR directory requests, DRS
 * replication for password hash sync). appMessages.ts gathers them with the cloud's messages.
 */
import type { AclEdit, PasswordPolicy, SetMode } from '../core/directoryTypes';

export interface Credentials {
  user: string;
  password: string;
}

// --- Domain controller -------------------------------------------------------------------------

export interface LdapPing {
  kind: 'app.ldap.ping';
  domain: string;
}
export interface LdapPingReply {
  kind: 'app.ldap.pingReply';
  dcName: string;
  dcFqdn: string;
  dcIp: string;
  domain: string;
  netbios: string;
  forest: string;
  site: string;
  domainGuid: string;
  flags: string[];
}

export interface KrbAsReq {
  kind: 'app.krb.asreq';
  user: string;
  password: string;
  /** The client's own clock (epoch ms); the KDC refuses more than 5 minutes of skew. */
  clientTime: number;
  workstation: string;
}
export interface KrbAsRep {
  kind: 'app.krb.asrep';
  sam: string;
  upn: string;
  displayName: string;
  /** Set when the password must be changed before signing in. */
  mustChange?: boolean;
}
export type KrbErrorCode =
  | 'KDC_ERR_C_PRINCIPAL_UNKNOWN'
  | 'KDC_ERR_PREAUTH_FAILED'
  | 'KDC_ERR_CLIENT_REVOKED'
  | 'KDC_ERR_KEY_EXPIRED'
  | 'KRB_AP_ERR_SKEW';
export interface KrbError {
  kind: 'app.krb.error';
  code: KrbErrorCode;
  /** For KDC_ERR_CLIENT_REVOKED: why the account may not be used. */
  detail?: 'locked' | 'disabled';
}

export interface NetlogonVerify {
  kind: 'app.netlogon.verify';
  computer: string;
  secret: number;
}
export interface NetlogonReset {
  kind: 'app.netlogon.reset';
  computer: string;
  secret: number;
  admin: Credentials;
}
export interface NetlogonResult {
  kind: 'app.netlogon.result';
  ok: boolean;
  /** Win32 status name on failure, e.g. ERROR_ACCESS_DENIED. */
  status?: string;
}

export type DirOp =
  | { op: 'getUser'; identity: string }
  /** `changedSince`: only users whose uSNChanged is above it (a delta import from a watermark). */
  | { op: 'listUsers'; changedSince?: number }
  /**
   * `changedSince`: only groups whose uSNChanged is above it, and those named in `include`
   * (groups a changed user belongs to); without it, every group.
   */
  | { op: 'listGroups'; changedSince?: number; include?: string[] }
  | {
      op: 'setPassword';
      identity: string;
      newPassword: string;
      mode: SetMode;
      oldPassword?: string;
      unlock?: boolean;
      mustChange?: boolean;
    }
  | { op: 'unlock'; identity: string }
  | { op: 'getPolicy' }
  | { op: 'setPolicy'; patch: Partial<PasswordPolicy> }
  | { op: 'groupMember'; group: string; identity: string; add: boolean }
  | { op: 'createConnectorAccount'; sam: string; password: string; phs: boolean; writeback: boolean }
  /**
   * The ADSyncConfig module's grants. `dn`: only on that object (an OU: for the users below it),
   * instead of the domain root; `adminSdHolder`: also on CN=AdminSDHolder (the protected accounts' template).
   */
  | { op: 'grantWriteback'; account: string; dn?: string; adminSdHolder?: boolean }
  | { op: 'grantPhs'; account: string }
  | { op: 'effectiveRights'; account: string; dn: string }
  /** Set-ADUser, Enable-/Disable-ADAccount: attribute writes (administrators, or per ACL). */
  | { op: 'setUser'; identity: string; patch: UserPatch }
  /**
   * A new user (administrators only): net user /add creates it enabled with its password in one
   * request; New-ADUser and ADUC create it disabled without one, then set the password and enable it.
   */
  | { op: 'createUser'; user: NewUserRequest }
  | { op: 'listComputers' }
  /** Objects at or below `base` (default: the domain root). */
  | { op: 'listObjects'; base?: string }
  /** An object's access list (dsacls), and edits to it. */
  | { op: 'getAcl'; dn: string }
  | { op: 'editAcl'; dn: string; edit: AclEdit };

export interface NewUserRequest {
  sam: string;
  /** The object's name (CN). */
  name: string;
  /** Container DN; absent: CN=Users. */
  parent?: string;
  upn?: string;
  givenName?: string;
  surname?: string;
  displayName?: string;
  description?: string;
  password?: string;
  enabled?: boolean;
  mustChange?: boolean;
  passwordNeverExpires?: boolean;
}

/** Attribute changes Set-ADUser can ask for. `null` clears an attribute (-Clear). */
export interface UserPatch {
  enabled?: boolean;
  passwordNeverExpires?: boolean;
  cannotChangePassword?: boolean;
  /** true: "User must change password at next logon" (pwdLastSet 0); false: pwdLastSet = now (-1). */
  mustChange?: boolean;
  description?: string | null;
  title?: string | null;
  department?: string | null;
  mail?: string | null;
  mobile?: string | null;
  /** 0 clears it (AdminSDHolder's mark). */
  adminCount?: number;
  /** Only 0 may be written: it unlocks. */
  lockoutTime?: 0;
}

export interface DirRequest {
  kind: 'app.dir.request';
  bind: Credentials;
  op: DirOp;
}

export type DirErrorCode =
  | 'invalid-credentials'
  | 'access-denied'
  | 'no-such-object'
  | 'constraint'
  | 'wrong-password'
  | 'account-disabled'
  | 'account-locked'
  | 'restricted-sam'
  | 'unwilling'
  /** A new account's sAMAccountName or UPN is taken. */
  | 'already-exists'
  /** Another object in that container has the same name (CN). */
  | 'name-in-use'
  /** Not a properly formed account name. */
  | 'invalid-name';

export interface DirResponse {
  kind: 'app.dir.response';
  ok: boolean;
  error?: DirErrorCode;
  /** For constraint violations: which password rule failed. */
  detail?: string;
  result?: unknown;
}

export interface DrsGetChanges {
  kind: 'app.drs.getChanges';
  bind: Credentials;
  domain: string;
}
export interface DrsChanges {
  kind: 'app.drs.changes';
  ok: boolean;
  /** RPC error on failure: 8453 replication access denied, 1326 bad credentials. */
  rpcError?: number;
  items: {
    guid: string;
    dn: string;
    sam: string;
    password: string;
    pwdLastSet: number;
    mustChange: boolean;
  }[];
}
