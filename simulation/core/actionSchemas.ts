/**
 * The shapes of the learner's actions on the browser pages and the Connect wizard, as zod
 * schemas, so a command from a file, a saved session or the UI is checked before it reaches the
 * lab. Only what a learner can do is here; the answers the cloud gives itself (writeback results,
 * phone answers) are not lab commands.
 */
import { z } from 'zod';

const text = (max = 512) => z.string().max(max);

export const ssprActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), userId: text(256).optional() }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('submitUser'), userId: text(256), captcha: text(32) }),
  z.object({ type: z.literal('chooseTrouble'), option: z.enum(['forgot', 'unlock']) }),
  z.object({
    type: z.literal('chooseMethod'),
    method: z.enum(['sms', 'authenticatorNotification', 'authenticatorCode', 'email']),
  }),
  z.object({ type: z.literal('sendSms'), phone: text(40) }),
  z.object({ type: z.literal('enterCode'), code: text(32) }),
  z.object({ type: z.literal('sendNotification') }),
  z.object({ type: z.literal('submitPassword'), password: text(256), confirm: text(256) }),
]);

export const myAccountActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('signIn'), upn: text(256), password: text(256) }),
  z.object({ type: z.literal('submitUsername'), upn: text(256) }),
  z.object({ type: z.literal('submitPassword'), password: text(256) }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('staySignedIn'), stay: z.boolean() }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('goto'), page: z.enum(['home', 'securityInfo', 'changePassword']) }),
  z.object({ type: z.literal('addMethod'), method: z.enum(['phone', 'authenticator']) }),
  z.object({ type: z.literal('cancelAdd') }),
  z.object({
    type: z.literal('setPhone'),
    phone: text(40),
    countryCode: z
      .string()
      .regex(/^\+?\d{1,4}$/)
      .optional(),
    method: z.enum(['sms', 'call']).optional(),
  }),
  z.object({ type: z.literal('enterCode'), code: text(32) }),
  z.object({ type: z.literal('authenticatorNext') }),
  z.object({
    type: z.literal('changePassword'),
    oldPassword: text(256),
    newPassword: text(256),
    confirm: text(256),
  }),
]);

const authMethod = z.enum([
  'fido2',
  'microsoftAuthenticator',
  'sms',
  'temporaryAccessPass',
  'hardwareOath',
  'softwareOath',
  'voice',
  'email',
]);

export const adminActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sspr.properties'),
    enabled: z.enum(['None', 'Selected', 'All']),
    group: text(256).optional(),
  }),
  z.object({
    type: z.literal('sspr.authenticationMethods'),
    methodsRequired: z.union([z.literal(1), z.literal(2)]),
    methods: z
      .object({
        mobileAppNotification: z.boolean(),
        mobileAppCode: z.boolean(),
        email: z.boolean(),
        mobilePhone: z.boolean(),
        officePhone: z.boolean(),
        securityQuestions: z.boolean(),
      })
      .partial()
      .optional(),
  }),
  z.object({
    type: z.literal('sspr.registration'),
    requireOnSignIn: z.boolean(),
    reconfirmDays: z.number().int(),
  }),
  z.object({ type: z.literal('sspr.notifications'), notifyUsers: z.boolean(), notifyAdmins: z.boolean() }),
  z.object({
    type: z.literal('sspr.customization'),
    helpdeskLink: z.boolean(),
    helpdeskUrl: text(512).optional(),
  }),
  z.object({
    type: z.literal('sspr.onPremises'),
    writeback: z.boolean(),
    cloudSyncWriteback: z.boolean().optional(),
    allowUnlock: z.boolean(),
  }),
  z.object({
    type: z.literal('authMethods.policy'),
    method: authMethod,
    enabled: z.boolean(),
    target: text(256).optional(),
    include: z.union([z.literal('all'), z.array(text(256)).max(20)]).optional(),
    exclude: z.array(text(256)).max(20).optional(),
  }),
  z.object({
    type: z.literal('authMethods.migration'),
    state: z.enum(['Pre-migration', 'Migration in progress', 'Migration complete']),
  }),
  z.object({ type: z.literal('user.license'), user: text(256), sku: text(64), assigned: z.boolean() }),
  z.object({ type: z.literal('user.role'), user: text(256), role: text(128), assigned: z.boolean() }),
  z.object({
    type: z.literal('user.resetPassword'),
    user: text(256),
    password: text(256),
    forceChange: z.boolean(),
    portal: z.enum(['entra', 'm365']),
  }),
  z.object({
    type: z.literal('user.deleteMethod'),
    user: text(256),
    method: z.enum(['sms', 'authenticator']),
  }),
  z.object({ type: z.literal('group.create'), name: text(256) }),
  z.object({ type: z.literal('group.member'), group: text(256), user: text(256), add: z.boolean() }),
  z.object({ type: z.literal('authorizationPolicy'), allowedToUseSspr: z.boolean() }),
]);

export const wizardActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('back') }),
  z.object({
    type: z.literal('chooseTask'),
    task: z.enum([
      'privacy',
      'view',
      'customize',
      'devices',
      'schema',
      'staging',
      'signin',
      'federation',
      'troubleshoot',
    ]),
  }),
  z.object({ type: z.literal('setCredentials'), user: text(256), password: text(256) }),
  z.object({
    type: z.literal('setOuFilter'),
    ouFilter: z.union([z.literal('all'), z.array(text(512)).max(50)]),
  }),
  z.object({
    type: z.literal('setFeature'),
    feature: z.enum([
      'passwordHashSync',
      'passwordWriteback',
      'exchangeHybrid',
      'exchangeMailPublicFolders',
      'appAttributeFiltering',
      'groupWriteback',
      'deviceWriteback',
      'directoryExtensions',
    ]),
    enabled: z.boolean(),
  }),
  z.object({ type: z.literal('setStaging'), enabled: z.boolean() }),
  z.object({ type: z.literal('setStartSync'), enabled: z.boolean() }),
]);

/**
 * Active Directory Users and Computers on the DC: the Reset Password dialog, the Account tab's
 * Unlock and Account options (only the options the learner changed), and the Member Of tab.
 */
const account = z.string().min(1).max(256);

export const aducActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('resetPassword'),
    user: account,
    password: text(256),
    confirm: text(256),
    mustChange: z.boolean().default(false),
    unlock: z.boolean().default(false),
  }),
  z.object({ type: z.literal('unlock'), user: account }),
  z.object({
    type: z.literal('setAccountOptions'),
    user: account,
    mustChange: z.boolean().optional(),
    cannotChange: z.boolean().optional(),
    neverExpires: z.boolean().optional(),
    disabled: z.boolean().optional(),
  }),
  z.object({ type: z.literal('addToGroup'), user: account, group: text(256) }),
  z.object({ type: z.literal('removeFromGroup'), user: account, group: text(256) }),
  /** New › User: the wizard's three pages in one action (the object, its password, its options). */
  z.object({
    type: z.literal('createUser'),
    /** The container the wizard was opened on. */
    parent: text(1024),
    firstName: text(64).default(''),
    initials: text(6).default(''),
    lastName: text(64).default(''),
    fullName: z.string().min(1).max(64),
    logonName: text(256).default(''),
    upnSuffix: text(256),
    /** The pre-Windows 2000 logon name (sAMAccountName). */
    samName: z.string().min(1).max(20),
    password: text(256),
    confirm: text(256),
    mustChange: z.boolean().default(true),
    cannotChange: z.boolean().default(false),
    neverExpires: z.boolean().default(false),
    disabled: z.boolean().default(false),
  }),
]);

export type AducAction = z.infer<typeof aducActionSchema>;
