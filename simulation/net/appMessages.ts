/**
 * Application messages of the higher protocols: what the PCs, the sync server and the cloud say to
 * the domain controller (directoryMessages.ts: CLDAP ping, Kerberos, Netlogon, LDAP/ADWS/SAMR
 * directory requests, DRS replication for password hash sync) and to each other over HTTPS (sync
 * export, password hash sync, the writeback relay, SMS and Authenticator pushes). The network only
 * routes them.
 */
import type {
  Credentials,
  LdapPing,
  LdapPingReply,
  KrbAsReq,
  KrbAsRep,
  KrbError,
  NetlogonVerify,
  NetlogonReset,
  NetlogonResult,
  DirRequest,
  DirResponse,
  DrsGetChanges,
  DrsChanges,
} from './directoryMessages';

export type * from './directoryMessages';

// --- Cloud -------------------------------------------------------------------------------------

/** What the sync engine exports for one user. */
export interface ExportedUser {
  anchor: string;
  upn: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail?: string;
  mobile?: string;
  enabled: boolean;
  sam: string;
  dn: string;
  memberOf: string[];
}

export interface AadAuth {
  kind: 'app.aad.auth';
  credentials: Credentials;
}
export interface AadExport {
  kind: 'app.aad.export';
  credentials: Credentials;
  users: ExportedUser[];
  /** Anchors of users that left the sync scope (deleted in the cloud). */
  deletes: string[];
  /** Groups whose export changed (created or updated in the cloud). */
  groups: { name: string; anchor: string; members: string[] }[];
  /** Anchors of synced groups to delete in the cloud (gone on-premises, or no exported member left). */
  groupDeletes: string[];
}
export interface AadImport {
  kind: 'app.aad.import';
  credentials: Credentials;
  /** A delta import: only what changed in the cloud since the last one (the lab records none). */
  delta?: boolean;
}
export interface AadConfigure {
  kind: 'app.aad.configure';
  credentials: Credentials;
  serverName: string;
  phs: boolean;
  writeback: boolean;
  connectorAccount: string;
}
export interface AadPhs {
  kind: 'app.aad.phs';
  serverName: string;
  items: { anchor: string; dn: string; password: string }[];
}
export interface AadPhsPing {
  kind: 'app.aad.phsPing';
  serverName: string;
}
export interface AadResult {
  kind: 'app.aad.result';
  ok: boolean;
  /** e.g. 90 "Password Synchronization has not been activated for this company." */
  errorCode?: number;
  error?: string;
  /** Per-item outcomes (PHS). */
  items?: { anchor: string; ok: boolean }[];
  /** After configure: the directory synchronization account the Connect server uses from now on. */
  syncAccount?: Credentials;
}

export interface RelayListen {
  kind: 'app.relay.listen';
  tenantId: string;
  serverName: string;
}
export interface RelayHeartbeat {
  kind: 'app.relay.heartbeat';
  tenantId: string;
  serverName: string;
}
export interface RelayClose {
  kind: 'app.relay.close';
  tenantId: string;
}
export interface RelayAck {
  kind: 'app.relay.ack';
  ok: boolean;
}

export type WritebackOp = 'reset' | 'change' | 'unlock' | 'admin-reset';

/** From the cloud to the sync server's listener, over the relay. */
export interface RelayRequest {
  kind: 'app.relay.request';
  trackingId: string;
  op: WritebackOp;
  anchor: string;
  upn: string;
  newPassword?: string;
  oldPassword?: string;
}
export type WritebackFailure =
  | 'user-not-found'
  | 'permissions'
  | 'policy'
  | 'wrong-password'
  | 'disabled'
  | 'locked'
  | 'dc-unreachable'
  | 'restricted-sam'
  | 'not-enabled'
  | 'unknown';
export interface RelayResponse {
  kind: 'app.relay.response';
  trackingId: string;
  ok: boolean;
  failure?: WritebackFailure;
  detail?: string;
}

export interface SmsMessage {
  kind: 'app.sms';
  from: string;
  to: string;
  text: string;
}
export interface PushNotification {
  kind: 'app.push';
  requestId: string;
  account: string;
  /** Number matching: the number the sign-in screen shows. */
  number?: number;
  appName: string;
}
export interface PushAnswer {
  kind: 'app.push.answer';
  requestId: string;
  approved: boolean;
  number?: number;
}
/** A verification voice call to a phone: the voice asks for a key press to confirm. */
export interface VoiceCall {
  kind: 'app.call';
  requestId: string;
  from: string;
  to: string;
  prompt: string;
}
/** What the person who answered pressed (nothing when they declined). */
export interface CallAnswer {
  kind: 'app.call.answer';
  requestId: string;
  keys: string;
}
/** The Authenticator app, after scanning the QR code Security info shows, registers with the tenant. */
export interface AuthenticatorRegister {
  kind: 'app.authenticator.register';
  activationCode: string;
  phoneId: string;
  device: string;
}
export interface AuthenticatorRegistered {
  kind: 'app.authenticator.registered';
  ok: boolean;
  account?: string;
  secret?: number;
  tenant?: string;
}
export interface Delivered {
  kind: 'app.delivered';
}

export type AppMessages =
  | LdapPing
  | LdapPingReply
  | KrbAsReq
  | KrbAsRep
  | KrbError
  | NetlogonVerify
  | NetlogonReset
  | NetlogonResult
  | DirRequest
  | DirResponse
  | DrsGetChanges
  | DrsChanges
  | AadAuth
  | AadExport
  | AadImport
  | AadConfigure
  | AadPhs
  | AadPhsPing
  | AadResult
  | RelayListen
  | RelayHeartbeat
  | RelayClose
  | RelayAck
  | RelayRequest
  | RelayResponse
  | SmsMessage
  | PushNotification
  | PushAnswer
  | VoiceCall
  | CallAnswer
  | AuthenticatorRegister
  | AuthenticatorRegistered
  | Delivered;
