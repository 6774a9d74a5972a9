import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the My Account surface (MyAccount.tsx). */
export const MYACCOUNT_HELP: SurfaceHelp = {
  title: 'My Account',
  mirrors:
    'The user\'s own pages at myaccount.microsoft.com and mysignins.microsoft.com: signing in (with the "More information required" registration interrupt), Security info to add a phone or the Authenticator app, and Change password.',
  simplifies:
    "Only Overview, Security info and Change password are there; devices, organisations and privacy pages are not. Adding a method goes through the lab's phone (texts, calls, a QR code the phone scans).",
};
