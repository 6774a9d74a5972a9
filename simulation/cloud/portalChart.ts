/**
 * The cloud sign-in and My Account pages as a state machine, one state per page: Sign in (user
 * name) → Enter password → "Stay signed in?" (or the "More information required" interrupt when
 * SSPR registration is due), then My Account's home, Security info (the methods list, with the
 * Phone and Microsoft Authenticator dialogs as nested states), Change password and its writeback
 * wait. It runs one event at a time through XState's pure `transition()` (userPortal.ts); network
 * work comes out as effects, and the phone's answers (push, call, app activation) come back as events.
 *
 * Events: open, close, signIn (the whole sign-in at once), submitUsername, submitPassword, back,
 *         staySignedIn, signOut, next, goto, addMethod, cancelAdd, setPhone, enterCode,
 *         authenticatorNext, authenticatorRegistered, pushAnswer, callAnswered, changePassword,
 *         writebackResult.
 * The guards (what was typed, what the tenant says of the user) are in portalChartGuards.ts.
 */
import { and, assign, not, raise, setup } from 'xstate';
import { portalGuards, typedName, typedPassword } from './portalChartGuards';
import {
  addOf,
  FAILURE,
  withError,
  activateAuthenticator,
  authenticatorApproved,
  changeInCloud,
  changeRefused,
  changeWrittenBack,
  logSignIn,
  namedUser,
  normalPhone,
  placeCall,
  registerPhone,
  requestChange,
  sendSmsCode,
  sendTestPush,
  showAdd,
  showPage,
  showQrCode,
  userOf,
  type PortalCtx,
} from './portalPages';
import type { PortalAction } from './portalTypes';
import { CLOUD_SIGNIN_TEXT, MYACCOUNT_TEXT, REGISTRATION_TEXT, SSPR_ERRORS, SSPR_TEXT } from './texts';
import { clearLockout, countBadPassword, LOCKED_FAILURE } from './smartLockout';

/** The page's error message (an action with its text). */
const err = (text: string) => ({ type: 'error' as const, params: { text } });
export const portalChart = setup({
  types: { context: {} as PortalCtx, events: {} as PortalAction, input: {} as PortalCtx },
  guards: portalGuards,
  actions: {
    openSignedIn: assign(({ context }) => showPage(context, { page: 'home' })),
    openSignIn: assign({ s: { page: { page: 'signin', upn: '' }, secrets: {} } }),
    close: assign(({ context }) => showPage(context, { page: 'closed' })),
    signOut: assign({ s: { page: { page: 'closed' }, secrets: {} } }),
    error: assign(({ context }, params: { text: string }) => withError(context, params.text)),
    keepTypedName: assign(({ context, event }) =>
      showPage(context, { page: 'signin', upn: typedName(event) }),
    ),
    logUnknownUser: assign(({ context, event }) =>
      logSignIn(context, typedName(event), 'Failure', FAILURE.unknown),
    ),
    showPassword: assign(({ context, event }) =>
      showPage(context, { page: 'password', upn: typedName(event) }),
    ),
    backToUsername: assign(({ context }) =>
      context.s.page.page === 'password'
        ? showPage(context, { page: 'signin', upn: context.s.page.upn })
        : {},
    ),
    continueWithPassword: raise(({ event }) => ({
      type: 'submitPassword' as const,
      password: typedPassword(event),
      viaShorthand: true,
    })),
    logDisabled: assign(({ context }) =>
      logSignIn(context, namedUser(context)?.upn ?? '', 'Failure', FAILURE.disabled),
    ),
    logWrongPassword: assign(({ context, event }) => {
      const u = namedUser(context);
      const c = logSignIn(context, u?.upn ?? '', 'Failure', FAILURE.password);
      return u ? { ...c, t: countBadPassword(c.t, u, typedPassword(event), c.now) } : c;
    }),
    logLockedOut: assign(({ context }) =>
      logSignIn(context, namedUser(context)?.upn ?? '', 'Failure', LOCKED_FAILURE),
    ),
    signedIn: assign(({ context }, params: { interrupted: boolean }) => {
      const u = namedUser(context);
      if (!u) return {};
      const c = logSignIn(context, u.upn, params.interrupted ? 'Interrupted' : 'Success');
      return {
        t: clearLockout(c.t, u),
        s: {
          page: params.interrupted ? { page: 'moreInfo' as const } : { page: 'kmsi' as const, upn: u.upn },
          userId: u.id,
          secrets: {},
        },
      };
    }),
    answerNo: raise({ type: 'staySignedIn', stay: false }),
    home: assign(({ context }) => showPage(context, { page: 'home' })),
    securityInfo: assign(({ context }) => showAdd(context, undefined)),
    changePasswordPage: assign(({ context }) => showPage(context, { page: 'changePassword' })),
    startPhone: assign(({ context }) => showAdd(context, { method: 'phone', stage: 'enterPhone' })),
    startAuthenticator: assign(({ context }) =>
      showAdd(context, { method: 'authenticator', stage: 'getApp' }),
    ),
    sendSmsCode: assign(({ context, event }) =>
      event.type === 'setPhone' ? sendSmsCode(context, normalPhone(event.phone, event.countryCode)) : {},
    ),
    placeCall: assign(({ context, event }) =>
      event.type === 'setPhone' ? placeCall(context, normalPhone(event.phone, event.countryCode)) : {},
    ),
    registerPhone: assign(({ context }, params: { how: 'SMS' | 'Voice' }) => {
      const u = userOf(context);
      const a = addOf(context);
      return u && a?.method === 'phone' && 'phone' in a ? registerPhone(context, u, a.phone, params.how) : {};
    }),
    callFailed: assign(({ context }) => ({
      ...showAdd(context, { method: 'phone', stage: 'enterPhone', error: REGISTRATION_TEXT.callNotAnswered }),
    })),
    showQrCode: assign(({ context }) => showQrCode(context)),
    activate: assign(({ context, event }) => {
      const u = userOf(context);
      return u && event.type === 'authenticatorRegistered'
        ? activateAuthenticator(context, u, event.phoneId, event.device)
        : {};
    }),
    sendTestPush: assign(({ context }) => {
      const u = userOf(context);
      return u ? sendTestPush(context, u) : {};
    }),
    approved: assign(({ context }) => {
      const u = userOf(context);
      return u ? authenticatorApproved(context, u) : {};
    }),
    changeInCloud: assign(({ context, event }) =>
      event.type === 'changePassword' ? changeInCloud(context, event.newPassword) : {},
    ),
    requestChange: assign(({ context, event }) => {
      const u = userOf(context);
      return u && event.type === 'changePassword'
        ? requestChange(context, u, event.oldPassword, event.newPassword)
        : {};
    }),
    changeWrittenBack: assign(({ context }) => changeWrittenBack(context)),
    changeRefused: assign(({ context, event }) =>
      event.type === 'writebackResult' ? changeRefused(context, event.failure) : {},
    ),
  },
}).createMachine({
  id: 'myAccount',
  context: ({ input }) => input,
  initial: 'closed',
  on: {
    open: [
      { guard: 'hasUser', target: '.home', actions: 'openSignedIn' },
      { target: '.signin', actions: 'openSignIn' },
    ],
    close: { target: '.closed', actions: 'close' },
    signOut: { target: '.closed', actions: 'signOut' },
    goto: [
      { guard: and(['canNavigate', 'gotoHome']), target: '.home', actions: 'home' },
      { guard: and(['canNavigate', 'gotoSecurityInfo']), target: '.securityInfo', actions: 'securityInfo' },
      { guard: 'canNavigate', target: '.changePassword', actions: 'changePasswordPage' },
    ],
  },
  states: {
    closed: {},
    signin: {
      on: {
        submitUsername: [
          {
            guard: 'usernameEmpty',
            actions: err(CLOUD_SIGNIN_TEXT.emptyUsername),
          },
          {
            guard: 'usernameUnknown',
            actions: ['logUnknownUser', 'keepTypedName', err(CLOUD_SIGNIN_TEXT.unknownUser)],
          },
          { target: 'password', actions: 'showPassword' },
        ],
        signIn: [
          {
            guard: 'usernameUnknown',
            actions: ['logUnknownUser', 'keepTypedName', err(CLOUD_SIGNIN_TEXT.unknownUser)],
          },
          { target: 'password', actions: ['showPassword', 'continueWithPassword'] },
        ],
      },
    },
    password: {
      on: {
        back: { target: 'signin', actions: 'backToUsername' },
        submitPassword: [
          {
            guard: 'passwordEmpty',
            actions: err(CLOUD_SIGNIN_TEXT.emptyPassword),
          },
          {
            guard: 'accountDisabled',
            actions: ['logDisabled', err(CLOUD_SIGNIN_TEXT.disabled)],
          },
          {
            guard: 'smartLockedOut',
            actions: ['logLockedOut', err(CLOUD_SIGNIN_TEXT.lockedOut)],
          },
          {
            guard: 'passwordWrong',
            actions: ['logWrongPassword', err(CLOUD_SIGNIN_TEXT.badPassword)],
          },
          {
            guard: 'registrationDue',
            target: 'moreInfo',
            actions: { type: 'signedIn', params: { interrupted: true } },
          },
          {
            guard: 'viaShorthand',
            target: 'kmsi',
            actions: [{ type: 'signedIn', params: { interrupted: false } }, 'answerNo'],
          },
          { target: 'kmsi', actions: { type: 'signedIn', params: { interrupted: false } } },
        ],
      },
    },
    kmsi: { on: { staySignedIn: { target: 'home', actions: 'home' } } },
    moreInfo: { on: { next: { target: 'securityInfo', actions: 'securityInfo' } } },
    home: {},
    securityInfo: {
      initial: 'list',
      on: {
        addMethod: [
          { guard: and(['hasUser', 'addPhone']), target: '.phone', actions: 'startPhone' },
          {
            guard: and(['hasUser', 'addAuthenticator']),
            target: '.authenticator',
            actions: 'startAuthenticator',
          },
        ],
        cancelAdd: { target: '.list', actions: 'securityInfo' },
      },
      states: {
        list: {},
        added: {},
        phone: {
          initial: 'enterPhone',
          states: {
            enterPhone: {
              on: {
                setPhone: [
                  { guard: not('hasUser') },
                  {
                    guard: 'phoneInvalid',
                    actions: err(REGISTRATION_TEXT.invalidPhone),
                  },
                  { guard: 'callMe', target: 'calling', actions: 'placeCall' },
                  { target: 'enterCode', actions: 'sendSmsCode' },
                ],
              },
            },
            enterCode: {
              on: {
                enterCode: [
                  { guard: not('hasUser') },
                  {
                    guard: 'smsCodeRight',
                    target: '#myAccount.securityInfo.added',
                    actions: { type: 'registerPhone', params: { how: 'SMS' } },
                  },
                  { actions: err(REGISTRATION_TEXT.codeWrong) },
                ],
              },
            },
            calling: {
              on: {
                callAnswered: [
                  {
                    guard: and(['hasUser', 'thisCall', 'callConfirmed']),
                    target: '#myAccount.securityInfo.added',
                    actions: { type: 'registerPhone', params: { how: 'Voice' } },
                  },
                  { guard: 'thisCall', target: 'enterPhone', actions: 'callFailed' },
                ],
              },
            },
          },
        },
        authenticator: {
          initial: 'getApp',
          states: {
            getApp: {
              on: { authenticatorNext: { guard: 'hasUser', target: 'scan', actions: 'showQrCode' } },
            },
            scan: {
              on: {
                authenticatorRegistered: [
                  {
                    // Sessions journalled before the QR page waited for Next (journal version 1).
                    guard: and(['hasUser', 'activationMatches', 'pushOnScan']),
                    target: 'tryItOut',
                    actions: ['activate', 'sendTestPush'],
                  },
                  {
                    guard: and(['hasUser', 'activationMatches']),
                    target: 'scanned',
                    actions: 'activate',
                  },
                ],
                authenticatorNext: { guard: 'hasUser', actions: err(REGISTRATION_TEXT.notScanned) },
              },
            },
            /** The app has the account; the page still shows the QR code until the user chooses Next. */
            scanned: {
              on: {
                authenticatorNext: { guard: 'hasUser', target: 'tryItOut', actions: 'sendTestPush' },
              },
            },
            tryItOut: {
              on: {
                pushAnswer: [
                  {
                    guard: and(['hasUser', 'thisPush', 'pushApproved']),
                    target: '#myAccount.securityInfo.added',
                    actions: 'approved',
                  },
                  {
                    guard: and(['hasUser', 'thisPush']),
                    actions: err(SSPR_TEXT.notificationDenied),
                  },
                ],
              },
            },
          },
        },
      },
    },
    changePassword: {
      on: {
        changePassword: [
          { guard: not('hasUser') },
          {
            guard: 'newPasswordsDiffer',
            actions: err(SSPR_TEXT.passwordsDontMatch),
          },
          { guard: 'newPasswordBanned', actions: err(SSPR_TEXT.banned) },
          { guard: 'newPasswordWeak', actions: err(SSPR_TEXT.cloudPolicy) },
          {
            guard: and(['cloudOnlyUser', 'oldPasswordWrong']),
            actions: err(MYACCOUNT_TEXT.wrongOld),
          },
          { guard: 'cloudOnlyUser', target: 'changed', actions: 'changeInCloud' },
          {
            guard: 'writebackOff',
            actions: err(MYACCOUNT_TEXT.writebackOff),
          },
          {
            guard: 'writebackClientDown',
            actions: err(SSPR_ERRORS.SSPR_0030.technical),
          },
          { target: 'working', actions: 'requestChange' },
        ],
      },
    },
    working: {
      on: {
        writebackResult: [
          { guard: not('hasUser') },
          { guard: 'writebackOk', target: 'changed', actions: 'changeWrittenBack' },
          { target: 'changePassword', actions: 'changeRefused' },
        ],
      },
    },
    changed: {},
  },
});
