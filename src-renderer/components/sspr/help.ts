import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the password reset portal surface (SsprPortal.tsx). */
export const SSPR_HELP: SurfaceHelp = {
  title: 'Password reset (SSPR)',
  mirrors:
    'The self-service password reset portal at passwordreset.microsoftonline.com ("Get back into your account") as a user such as Michael sees it: user ID and the picture check, verification by the methods the policy asks for, then the new password, written back to Active Directory when writeback works.',
  simplifies:
    "The browser frame is a drawing, not a real browser, and the picture check is the lab's own. Text messages and calls arrive on the lab's phone. Error pages give the codes the real portal gives (such as SSPR_0030) where the lab reproduces them.",
};
