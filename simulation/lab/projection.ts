/**
 * The learner's view of the lab: only what a learner's own tools could observe. Each field here is
 * built from the truth by an explicit choice of what a real surface shows (a PC's address as
 * ipconfig prints it, a cable as the adapter reports it, a console's own transcript), never by
 * copying the truth wholesale. No fault, no hidden cause, no password, no seed reaches it.
 */
import { formatLongDateTime } from '../core/time';
import { effectiveIpConfig, type ConsoleLine, type ShellKind } from '../windows/hostState';
import { promptOf } from '../tools/shell/console';
import type { LabDefinition } from '../core/definition';
import type { LabTruth } from './truth';
import type { SsprPage } from '../cloud/ssprFlow';
import {
  gatewayView,
  hostToolsViews,
  syncManagerView,
  type GatewayView,
  type HostToolsView,
  type SyncManagerView,
} from './toolViews';
import { aducView, type AducView } from './aducView';
import { labTimeView, type LabTimeView } from './labTimeView';
import { traceView, type TraceView } from './traceView';
import { serverManagerViews, type ServerManagerView } from './serverManagerView';
import { connectView, type ConnectView } from './connectView';
import { adminCenterView, type AdminCenterView } from './adminCenterView';
import {
  desktopViews,
  myAccountView,
  phoneViews,
  ssprView,
  type DesktopView,
  type MyAccountView,
  type PhoneView,
} from './surfaceViews';

export type DeviceKind =
  'dc' | 'sync' | 'client' | 'router' | 'switch' | 'internet' | 'tenant' | 'phone' | 'mobile';

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  role: string;
  /** Addresses as the device's own tools show them. */
  addresses: string[];
  /** How the address came about, as ipconfig tells it: static, DHCP, APIPA, none. */
  addressNote: string;
  status: 'on' | 'off' | 'disconnected';
  /** For Windows hosts: the OS name and version (as winver / ver show them). */
  os?: string;
  osVersion?: string;
  /**
   * The learner's own last test that aimed at this device (or, when it aimed at nothing on the map,
   * the device it ran on): what they ran and whether it got through. Never a service's health.
   */
  lastTest?: { label: string; ok: boolean };
}

export interface LinkView {
  id: string;
  from: string;
  to: string;
  /**
   * `relay` and `sync` are relations rather than cables: Entra Connect's writeback relay and its
   * sync (export, password hash sync) with the tenant, which ride the internet path. They are
   * drawn without any state: whether they work is for the learner to find out.
   */
  kind: 'ethernet' | 'wan' | 'cellular' | 'cloud' | 'relay' | 'sync';
  /** Only for cables a learner can see (the adapter's media state); undefined when not observable. */
  connected?: boolean;
}

export interface ConsoleView {
  host: string;
  shell: ShellKind;
  prompt: string;
  transcript: ConsoleLine[];
  history: string[];
  busy: boolean;
}

export interface LearnerView {
  time: { now: number; display: string; timeZone: string; offsetMinutes: number };
  devices: DeviceView[];
  links: LinkView[];
  consoles: Record<string, Record<ShellKind, ConsoleView>>;
  adminCenter: AdminCenterView;
  browser: { sspr: SsprPage; myAccount: MyAccountView };
  desktops: Record<string, DesktopView>;
  phones: Record<string, PhoneView>;
  connect?: ConnectView;
  /** Event Viewer and Services on each Windows host. */
  tools: Record<string, HostToolsView>;
  syncManager?: SyncManagerView;
  /** Active Directory Users and Computers on the domain controller. */
  aduc?: AducView;
  gateway: GatewayView;
  /** What waits on lab time (a sync cycle running, the next one, the wizard configuring). */
  labTime: LabTimeView;
  /** The learner's own last flow over the network, hop by hop (traceView.ts). */
  lastFlow?: TraceView;
  /** Server Manager's dashboard on each server (serverManagerView.ts). */
  serverManager: Record<string, ServerManagerView>;
}

export function projectLearnerView(truth: LabTruth, def: LabDefinition): LearnerView {
  const devices: DeviceView[] = [];
  const links: LinkView[] = [];
  const consoles: LearnerView['consoles'] = {};

  devices.push({
    id: 'switch',
    kind: 'switch',
    name: 'LAN switch',
    role: `LAN ${def.lan.cidr}`,
    addresses: [],
    addressNote: '',
    status: 'on',
  });
  devices.push({
    id: 'router',
    kind: 'router',
    name: 'Gateway',
    role: 'Router and edge firewall',
    addresses: [def.lan.gateway],
    addressNote: 'static',
    status: 'on',
  });
  links.push({ id: 'router-switch', from: 'router', to: 'switch', kind: 'ethernet' });

  for (const h of def.hosts) {
    const t = truth.hosts[h.id];
    if (!t) continue;
    const nic = t.host.nic;
    const cfg = effectiveIpConfig(nic);
    const on = t.power === 'on';
    const note = !on
      ? 'powered off'
      : !nic.mediaConnected
        ? 'media disconnected'
        : cfg.source === 'static'
          ? 'static'
          : cfg.source === 'dhcp'
            ? 'DHCP'
            : cfg.source === 'apipa'
              ? 'APIPA'
              : 'no address';
    devices.push({
      id: h.id,
      kind: h.kind,
      name: h.hostname,
      role: h.role,
      addresses: on && cfg.ip ? [cfg.ip] : [],
      addressNote: note,
      status: !on ? 'off' : nic.mediaConnected ? 'on' : 'disconnected',
      os: h.os,
      osVersion: h.osBuild,
    });
    links.push({
      id: `${h.id}-switch`,
      from: h.id,
      to: 'switch',
      kind: 'ethernet',
      connected: on ? nic.mediaConnected : undefined,
    });
    const hostConsoles = {} as Record<ShellKind, ConsoleView>;
    for (const shell of ['cmd', 'powershell'] as const) {
      const s = t.host.consoles[shell];
      hostConsoles[shell] = {
        host: h.id,
        shell,
        prompt: promptOf(s),
        transcript: s.transcript,
        history: s.history,
        busy: s.busy,
      };
    }
    consoles[h.id] = hostConsoles;
  }

  devices.push({
    id: 'internet',
    kind: 'internet',
    name: 'Internet',
    role: 'Public internet',
    addresses: [],
    addressNote: '',
    status: 'on',
  });
  links.push({ id: 'router-internet', from: 'router', to: 'internet', kind: 'wan' });
  devices.push({
    id: 'tenant',
    kind: 'tenant',
    name: truth.tenant.name,
    role: 'Microsoft Entra ID tenant',
    addresses: truth.tenant.domains.map((d) => d.name),
    addressNote: 'domains',
    status: 'on',
  });
  links.push({ id: 'internet-tenant', from: 'internet', to: 'tenant', kind: 'cloud' });
  for (const p of def.phones) {
    const ph = truth.phones[p.id];
    devices.push({
      id: p.id,
      kind: 'phone',
      name: p.label,
      role: `${p.model} · Authenticator, SMS`,
      addresses: [p.number],
      addressNote: 'mobile number',
      status: ph?.powered === false ? 'off' : 'on',
    });
    links.push({ id: `${p.id}-mobile`, from: p.id, to: 'mobile', kind: 'cellular' });
  }
  if (def.phones.length > 0) {
    devices.push({
      id: 'mobile',
      kind: 'mobile',
      name: 'Mobile network',
      role: 'Carrier: SMS, calls, data',
      addresses: [],
      addressNote: '',
      status: 'on',
    });
    links.push({ id: 'mobile-internet', from: 'mobile', to: 'internet', kind: 'wan' });
  }
  if (def.hosts.some((h) => h.id === def.connect.host)) {
    links.push(
      { id: 'tenant-sync', from: def.connect.host, to: 'tenant', kind: 'sync' },
      { id: 'tenant-relay', from: 'tenant', to: def.connect.host, kind: 'relay' },
    );
  }
  const trace = traceView(truth, def);
  const tested = trace && (trace.target ?? trace.from);
  if (trace && tested) {
    const d = devices.find((x) => x.id === tested);
    if (d) d.lastTest = { label: trace.label, ok: trace.ok };
  }

  return {
    time: {
      now: truth.time,
      display: formatLongDateTime(truth.time, def.timeZone.offsetMinutes),
      timeZone: def.timeZone.displayName,
      offsetMinutes: def.timeZone.offsetMinutes,
    },
    devices,
    links,
    consoles,
    adminCenter: adminCenterView(truth, def),
    browser: { sspr: ssprView(truth), myAccount: myAccountView(truth) },
    desktops: desktopViews(truth, def),
    phones: phoneViews(truth, def),
    connect: connectView(truth, def),
    tools: hostToolsViews(truth, def),
    syncManager: syncManagerView(truth, def),
    aduc: aducView(truth, def),
    gateway: gatewayView(truth, def),
    labTime: labTimeView(truth, def),
    ...(trace ? { lastFlow: trace } : {}),
    serverManager: serverManagerViews(truth, def),
  };
}
