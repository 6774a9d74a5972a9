import type { ToolId } from '../../state/uiStore';
import type { SurfaceHelp } from '../help/surfaceHelp';

/** Help for each of the Server tools (one component per tool beside this file). */
export const TOOLS_HELP: Record<ToolId, SurfaceHelp> = {
  servermanager: {
    title: 'Server Manager',
    mirrors:
      "Server Manager's dashboard on a Windows Server: a tile per role and server group with Manageability, Events, Services, Performance and BPA results, a tile turning red when, for example, an automatic service is stopped.",
    simplifies:
      'The dashboard only: tiles count what the lab models (its services and event logs); no Add Roles and Features, no remote server management, performance counters or Best Practices Analyzer scans.',
  },
  events: {
    title: 'Event Viewer',
    mirrors:
      'Event Viewer (eventvwr.msc) on a Windows machine: the Application and System logs (and Security where the lab writes to it), each event with its level, source, event ID and message.',
    simplifies:
      'Only the events the lab itself raises are there, with the sources and IDs Windows and Entra Connect use; no custom views, no saving or clearing of logs, and a simple level and text filter instead of "Filter Current Log".',
  },
  services: {
    title: 'Services',
    mirrors:
      'The Services console (services.msc): each service with its description, status, startup type and log-on account, and Start, Stop and Restart, as on the real server.',
    simplifies:
      'Only the services the lab models are listed (such as ADSync, Netlogon, DNS Server, Windows Time). The Properties dialog (changing the startup type, dependencies, recovery) is not modelled; Set-Service in PowerShell changes a startup type.',
  },
  syncmanager: {
    title: 'Synchronization Service Manager',
    mirrors:
      "The Synchronization Service Manager (miisclient.exe) on the Entra Connect server: the Operations tab with each run profile's result, and the Connectors tab with the Active Directory and Entra connectors and their properties.",
    simplifies:
      'Run details show the counts and errors the lab produces; metaverse search, connector space search and run-profile editing are not modelled. Sync runs follow the lab clock.',
  },
  aduc: {
    title: 'Active Directory Users and Computers',
    mirrors:
      "Active Directory Users and Computers (dsa.msc) on the domain controller: the domain's OUs, users and groups, a user's Properties (Account and Member Of tabs) and Reset Password.",
    simplifies:
      'Only users, groups and OUs of laborhub.store; no computers container details, delegation, advanced features view or attribute editor.',
  },
  gateway: {
    title: 'Gateway (edge firewall)',
    mirrors:
      "The management page of the lab network's edge router and firewall: its outbound rules, checked in order, the way a small-office firewall shows them.",
    simplifies:
      'One rule list for outbound TCP by host name and port; no NAT, VPN, logging or inbound rules. It stands for whatever firewall sits between a real network and the internet.',
  },
};
