import type { SurfaceHelp } from './help/surfaceHelp';

/** Help for the lab map (LabCanvas.tsx and DevicePanel.tsx). */
export const MAP_HELP: SurfaceHelp = {
  title: 'Lab map',
  mirrors:
    "The lab's network as a diagram on a whiteboard: the domain controller DC01, the Entra Connect server SYNC01, the PCs, the gateway, the internet, the Microsoft Entra tenant and the phone, and the links between them. Selecting a machine shows what anyone in the room could see of it and opens its console.",
  simplifies:
    'Real administrators have no such map. It shows only what anyone in the room could see (power, cables, link lights) and what your own tests found, never a fault: find what is wrong from its symptoms, in the consoles, the logs and the tools.',
};
