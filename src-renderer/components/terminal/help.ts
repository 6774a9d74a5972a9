import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for the consoles (ConsolePanel and XtermConsole). */
export const CONSOLE_HELP: SurfaceHelp = {
  title: 'Consoles (Command Prompt and Windows PowerShell)',
  mirrors:
    'cmd.exe and Windows PowerShell 5.1 on each Windows machine of the lab (DC01, SYNC01 and the PCs), signed in as an administrator. Commands such as ipconfig, ping, nslookup, Test-NetConnection, Get-Service, Start-ADSyncSyncCycle and the Active Directory cmdlets answer as they do on Windows.',
  simplifies:
    'Only the commands the lab knows exist: type help (cmd) or Get-Command (PowerShell) to list them, and Get-Help <command> for one. Tab completes names, parameters and values. There is no scripting, no pipeline beyond a few common forms, and no file system to explore.',
};
