import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the Entra Connect wizard surface (ConnectWizard.tsx). */
export const CONNECT_HELP: SurfaceHelp = {
  title: 'Microsoft Entra Connect (SYNC01)',
  mirrors:
    'The Microsoft Entra Connect Sync configuration wizard on the sync server: express or custom settings, the Entra and AD DS credentials, OU filtering, optional features such as password hash synchronisation and password writeback, and the final "Configuring" page.',
  simplifies:
    'Nothing is downloaded or installed, and SQL Server Express is not modelled. Only the pages that change what this lab does are there; the wizard keeps its settings in the lab, and configuring takes lab time rather than real minutes.',
};
