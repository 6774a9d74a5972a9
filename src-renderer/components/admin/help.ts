import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the Entra admin center surface (AdminCenter.tsx). */
export const ADMIN_HELP: SurfaceHelp = {
  title: 'Microsoft Entra admin center',
  mirrors:
    'The web portal at entra.microsoft.com where a tenant administrator manages users and groups, password reset (SSPR), authentication methods, Entra Connect status and the sign-in and audit logs.',
  simplifies:
    'Only the pages the lab needs are modelled; the others open a "not in this lab" page. One tenant, one signed-in Global Administrator, no licences to buy, no Conditional Access. Changes apply at once instead of after the few minutes the cloud can take.',
};
