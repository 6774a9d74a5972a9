import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the PC sign-in surface (SignInScreen.tsx). */
export const SIGNIN_HELP: SurfaceHelp = {
  title: 'PC sign-in',
  mirrors:
    'The Windows 10/11 lock screen and sign-in screen of a domain-joined PC (PC2 is Michael Brown\'s), checking the password against the domain controller, with "Change a password" and the desktop once signed in.',
  simplifies:
    'Password sign-in only: no Windows Hello PIN, fingerprint or smart card. The desktop is reduced to Settings > Accounts > Your info and the Ctrl+Alt+Del screen (Lock, Switch user, Sign out, Change a password); no apps run on it.',
};
