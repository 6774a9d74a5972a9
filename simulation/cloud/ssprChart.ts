/**
 * The SSPR pages as a state machine, one state per page (reference §1.2): "Get back into your
 * account" (user ID and CAPTCHA), then the checks in Microsoft's order (§1.3: blocked, throttled,
 * scope, licence, methods, writeback), "Why are you having trouble signing in?" when unlock is
 * offered, one or two "verification step" pages, "Choose a new password", the writeback wait, and
 * the result or a "We're sorry" page. It runs one event at a time through XState's pure
 * `transition()` from a snapshot rebuilt out of the stored flow (ssprFlow.ts); network work comes
 * out as effects in the context, and its answers come back as events. The work of each
 * transition lives in ssprPages.ts and ssprSteps.ts; this file names it and wires the pages.
 *
 * Events: open, close, submitUser, chooseTrouble, chooseMethod, sendSms, enterCode,
 *         sendNotification, pushAnswer (from the phone), submitPassword, writebackResult.
 */
import { and, assign, not, setup } from 'xstate';
import { cloudPasswordProblem, isBanned, methodsRequired, ssprPrecheck } from './policy';
import {
  block,
  digits,
  errorPage,
  recentAttempts,
  recordAttempt,
  RESET_ATTEMPTS_PER_HOUR,
  userIdPage,
  userOf,
  verifyPage,
  writeback,
  type SsprCtx,
} from './ssprPages';
import {
  auditBanned,
  codeValid,
  markVerified,
  pickMethod,
  precheckError,
  pushDenied,
  resetInCloud,
  sendPush,
  sendSmsCode,
  verifyOf,
  withVerify,
  workingOn,
  writebackDone,
  writebackFailed,
  writebackRefused,
} from './ssprSteps';
import type { SsprAction } from './ssprTypes';
import { SSPR_TEXT } from './texts';
import { findCloudUser } from './tenantState';

const typedUser = (e: SsprAction) => (e.type === 'submitUser' ? e.userId.trim() : '');
const submitted = (c: SsprCtx, e: SsprAction) =>
  e.type === 'submitUser' ? findCloudUser(c.t, e.userId) : undefined;
/** Runs a step for the user who typed their ID on this event, if the tenant knows them. */
const forSubmitted =
  (step: (c: SsprCtx, u: NonNullable<ReturnType<typeof submitted>>, e: SsprAction) => SsprCtx) =>
  ({ context, event }: { context: SsprCtx; event: SsprAction }) => {
    const u = submitted(context, event);
    return u ? step(context, u, event) : {};
  };

export const ssprChart = setup({
  types: { context: {} as SsprCtx, events: {} as SsprAction, input: {} as SsprCtx },
  guards: {
    userIdEmpty: ({ event }) => typedUser(event) === '',
    captchaWrong: ({ context, event }) =>
      event.type === 'submitUser' &&
      context.f.page.page === 'userId' &&
      event.captcha.trim().toUpperCase() !== context.f.page.captcha.toUpperCase(),
    userUnknown: ({ context, event }) => !submitted(context, event),
    userBlocked: ({ context, event }) => {
      const u = submitted(context, event);
      return !!u && (context.t.blockedUntil[u.id] ?? 0) > context.now;
    },
    tooManyAttempts: ({ context, event }) => {
      const u = submitted(context, event);
      return !!u && recentAttempts(context, u).length >= RESET_ATTEMPTS_PER_HOUR;
    },
    precheckFails: ({ context, event }) => {
      const u = submitted(context, event);
      return !!u && ssprPrecheck(context.t, u, context.now) !== undefined;
    },
    unlockOffered: ({ context, event }) =>
      context.t.sspr.onPremises.allowUnlock && !!submitted(context, event)?.onPremisesSyncEnabled,
    methodOffered: ({ context, event }) =>
      event.type === 'chooseMethod' && !!verifyOf(context)?.options.includes(event.method),
    smsChosen: ({ context }) => verifyOf(context)?.method === 'sms' && !!userOf(context)?.methods.sms,
    phoneMismatch: ({ context, event }) =>
      event.type === 'sendSms' && digits(event.phone) !== digits(userOf(context)?.methods.sms?.phone ?? ''),
    codeValid: ({ context, event }) => event.type === 'enterCode' && codeValid(context, event.code),
    codeExpected: ({ context }) => !!verifyOf(context)?.method && !!userOf(context),
    pushChosen: ({ context }) =>
      verifyOf(context)?.method === 'authenticatorNotification' && !!userOf(context)?.methods.authenticator,
    pushForThisPage: ({ context, event }) =>
      event.type === 'pushAnswer' &&
      verifyOf(context)?.method === 'authenticatorNotification' &&
      event.requestId === context.f.secrets.pushRequestId,
    pushApproved: ({ context, event }) =>
      event.type === 'pushAnswer' && event.approved && event.number === verifyOf(context)?.pushNumber,
    needMoreMethods: ({ context }) => {
      const u = userOf(context);
      return !!u && context.f.verified.length < methodsRequired(context.t, u);
    },
    unlockMode: ({ context }) => context.f.mode === 'unlock',
    passwordEmpty: ({ event }) => event.type === 'submitPassword' && event.password === '',
    passwordsDiffer: ({ event }) => event.type === 'submitPassword' && event.password !== event.confirm,
    passwordBanned: ({ event }) => event.type === 'submitPassword' && isBanned(event.password),
    passwordWeak: ({ event }) => event.type === 'submitPassword' && !!cloudPasswordProblem(event.password),
    cloudOnlyUser: ({ context }) => !userOf(context)?.onPremisesSyncEnabled,
    writebackOk: ({ event }) => event.type === 'writebackResult' && event.ok,
    adRefusedNewPassword: ({ context, event }) =>
      event.type === 'writebackResult' && event.failure === 'policy' && workingOn(context) === 'reset',
    hasUser: ({ context }) => !!userOf(context),
  },
  actions: {
    showUserId: assign(({ context, event }) =>
      userIdPage(context, event.type === 'open' ? (event.userId ?? '') : ''),
    ),
    retry: assign(({ context, event }, params: { error: string }) =>
      userIdPage(context, event.type === 'submitUser' ? event.userId : '', params.error),
    ),
    close: assign({ f: { page: { page: 'closed' }, mode: 'forgot', verified: [], secrets: {} } }),
    startFor: assign(
      forSubmitted((c, u) => ({
        ...c,
        f: { ...c.f, userId: u.id, verified: [], mode: 'forgot', secrets: {} },
      })),
    ),
    showBlocked: assign(({ context, event }) => errorPage(context, 'blocked', typedUser(event))),
    block: assign(forSubmitted((c, u) => block(c, u))),
    recordAttempt: assign(forSubmitted((c, u) => recordAttempt(c, u))),
    showPrecheckError: assign(forSubmitted((c, u, e) => precheckError(c, u, typedUser(e)))),
    showTrouble: assign(({ context }) => ({ f: { ...context.f, page: { page: 'trouble' as const } } })),
    chooseMode: assign(({ context, event }) =>
      event.type === 'chooseTrouble' ? { f: { ...context.f, mode: event.option } } : {},
    ),
    showVerify: assign(({ context }) => verifyPage(context)),
    pickMethod: assign(({ context, event }) =>
      event.type === 'chooseMethod' ? pickMethod(context, event.method) : {},
    ),
    phoneMismatchError: assign(({ context }) =>
      withVerify(context, { error: SSPR_TEXT.phoneMismatch, message: undefined }),
    ),
    sendSms: assign(({ context }) => sendSmsCode(context)),
    codeError: assign(({ context }) => withVerify(context, { error: SSPR_TEXT.codeWrong })),
    markVerified: assign(({ context }, params: { how: 'code' | 'push' }) =>
      markVerified(context, params.how),
    ),
    sendPush: assign(({ context }) => sendPush(context)),
    pushDenied: assign(({ context }) => pushDenied(context)),
    requestUnlock: assign(({ context }) => {
      const u = userOf(context);
      return u ? writeback(context, u, 'unlock') : {};
    }),
    showNewPassword: assign(({ context }, params: { error?: string }) => ({
      f: { ...context.f, page: { page: 'newPassword' as const, error: params.error } },
    })),
    auditBanned: assign(({ context }) => auditBanned(context)),
    resetInCloud: assign(({ context, event }) =>
      event.type === 'submitPassword' ? resetInCloud(context, event.password) : {},
    ),
    requestReset: assign(({ context, event }) => {
      const u = userOf(context);
      return u && event.type === 'submitPassword' ? writeback(context, u, 'reset', event.password) : {};
    }),
    writebackDone: assign(({ context }) => writebackDone(context)),
    writebackRefused: assign(({ context }) => writebackRefused(context)),
    writebackFailed: assign(({ context, event }) =>
      event.type === 'writebackResult' ? writebackFailed(context, event.failure) : {},
    ),
  },
}).createMachine({
  id: 'sspr',
  context: ({ input }) => input,
  initial: 'closed',
  on: {
    open: { target: '.userId', actions: 'showUserId' },
    close: { target: '.closed', actions: 'close' },
  },
  states: {
    closed: {},
    userId: {
      on: {
        submitUser: [
          { guard: 'userIdEmpty', actions: { type: 'retry', params: { error: SSPR_TEXT.emptyUser } } },
          { guard: 'captchaWrong', actions: { type: 'retry', params: { error: SSPR_TEXT.captchaWrong } } },
          { guard: 'userUnknown', actions: { type: 'retry', params: { error: SSPR_TEXT.unknownUser } } },
          { guard: 'userBlocked', target: 'error', actions: ['startFor', 'showBlocked'] },
          { guard: 'tooManyAttempts', target: 'error', actions: ['startFor', 'block', 'showBlocked'] },
          {
            guard: 'precheckFails',
            target: 'error',
            actions: ['startFor', 'recordAttempt', 'showPrecheckError'],
          },
          {
            guard: 'unlockOffered',
            target: 'trouble',
            actions: ['startFor', 'recordAttempt', 'showTrouble'],
          },
          { target: 'verify', actions: ['startFor', 'recordAttempt', 'showVerify'] },
        ],
      },
    },
    trouble: {
      on: { chooseTrouble: { guard: 'hasUser', target: 'verify', actions: ['chooseMode', 'showVerify'] } },
    },
    verify: {
      on: {
        chooseMethod: { guard: 'methodOffered', actions: 'pickMethod' },
        sendSms: [
          { guard: and(['smsChosen', 'phoneMismatch']), actions: 'phoneMismatchError' },
          { guard: 'smsChosen', actions: 'sendSms' },
        ],
        enterCode: [
          {
            guard: 'codeValid',
            target: 'verified',
            actions: { type: 'markVerified', params: { how: 'code' } },
          },
          { guard: 'codeExpected', actions: 'codeError' },
        ],
        sendNotification: { guard: 'pushChosen', actions: 'sendPush' },
        pushAnswer: [
          {
            guard: and(['pushForThisPage', 'pushApproved']),
            target: 'verified',
            actions: { type: 'markVerified', params: { how: 'push' } },
          },
          { guard: 'pushForThisPage', actions: 'pushDenied' },
        ],
      },
    },
    /** Transient: after a method is verified, another one, the unlock, or the new password. */
    verified: {
      always: [
        { guard: 'needMoreMethods', target: 'verify', actions: 'showVerify' },
        { guard: 'unlockMode', target: 'working', actions: 'requestUnlock' },
        { target: 'newPassword', actions: { type: 'showNewPassword', params: {} } },
      ],
    },
    newPassword: {
      on: {
        submitPassword: [
          { guard: not('hasUser') },
          {
            guard: 'passwordEmpty',
            actions: { type: 'showNewPassword', params: { error: SSPR_TEXT.passwordEmpty } },
          },
          {
            guard: 'passwordsDiffer',
            actions: { type: 'showNewPassword', params: { error: SSPR_TEXT.passwordsDontMatch } },
          },
          {
            guard: 'passwordBanned',
            actions: ['auditBanned', { type: 'showNewPassword', params: { error: SSPR_TEXT.banned } }],
          },
          {
            guard: 'passwordWeak',
            actions: { type: 'showNewPassword', params: { error: SSPR_TEXT.cloudPolicy } },
          },
          { guard: 'cloudOnlyUser', target: 'done', actions: 'resetInCloud' },
          { target: 'working', actions: 'requestReset' },
        ],
      },
    },
    working: {
      on: {
        writebackResult: [
          { guard: not('hasUser') },
          { guard: 'writebackOk', target: 'done', actions: 'writebackDone' },
          { guard: 'adRefusedNewPassword', target: 'newPassword', actions: 'writebackRefused' },
          { target: 'error', actions: 'writebackFailed' },
        ],
      },
    },
    done: {},
    error: {},
  },
});
