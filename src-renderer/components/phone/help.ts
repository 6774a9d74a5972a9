import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the phone (PhoneDock.tsx). */
export const PHONE_HELP: SurfaceHelp = {
  title: 'Phone',
  mirrors:
    "The user's mobile phone, held beside the PC: text messages with verification codes, incoming verification calls, and the Microsoft Authenticator app (its codes and approvals, and the QR scan that adds an account).",
  simplifies:
    'Only what identity verification needs: no other apps, no settings. It reaches the tenant over the mobile network, so it keeps working when the office network is down.',
};
