/**
 * UI state only (zustand): what is selected, which console is open, whether the clock plays and how
 * fast. Never a copy of the lab's state.
 */
import { create } from 'zustand';
import type { ShellKind } from '../../simulation';

export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

/** Every surface of the workspace (each has a Help text: components/help/helpTopics.ts). */
export const SURFACES = ['map', 'admin', 'sspr', 'myaccount', 'signin', 'connect', 'tools'] as const;
export type Surface = (typeof SURFACES)[number];
/** Every server tool (each has a Help text of its own). */
export const TOOL_IDS = ['servermanager', 'events', 'services', 'syncmanager', 'aduc', 'gateway'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
/** The colour theme: follow the operating system, or a fixed one. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** Where the console sits: below the surface, beside it, or filling the work area. */
export type ConsoleDock = 'bottom' | 'side' | 'max';

interface UiState {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
  surface: Surface;
  signinHost: string;
  setSurface: (surface: Surface) => void;
  consoleOpen: boolean;
  /**
   * Whether the learner has used the console yet: until then it shows the host's prompt as a plain
   * element, and the terminal (xterm.js, its own chunk) is not loaded (ConsolePanel).
   */
  consoleStarted: boolean;
  startConsole: () => void;
  toggleConsole: () => void;
  setConsoleOpen: (open: boolean) => void;
  consoleDock: ConsoleDock;
  setConsoleDock: (dock: ConsoleDock) => void;
  sidebarOpen: boolean;
  setSidebarOpen: (open: boolean) => void;
  setSigninHost: (host: string) => void;
  toolsHost: string;
  tool: ToolId;
  setToolsHost: (host: string) => void;
  setTool: (tool: ToolId) => void;
  pickerOpen: boolean;
  setPickerOpen: (open: boolean) => void;
  instructorOpen: boolean;
  setInstructorOpen: (open: boolean) => void;
  sessionsOpen: boolean;
  setSessionsOpen: (open: boolean) => void;
  selectedDevice: string;
  consoleHost: string;
  consoleShell: ShellKind;
  playing: boolean;
  speed: Speed;
  selectDevice: (id: string) => void;
  openConsole: (host: string, shell?: ShellKind) => void;
  setShell: (shell: ShellKind) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
}

export const useUi = create<UiState>((set) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
  surface: 'map',
  consoleOpen: true,
  consoleStarted: false,
  startConsole: () => set({ consoleStarted: true }),
  toggleConsole: () => set((s) => ({ consoleOpen: !s.consoleOpen })),
  setConsoleOpen: (consoleOpen) => set({ consoleOpen }),
  consoleDock: 'bottom',
  setConsoleDock: (consoleDock) => set({ consoleDock, consoleOpen: true }),
  sidebarOpen: true,
  setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
  signinHost: 'pc2',
  // Choosing a surface while the console fills the work area brings the surface back.
  setSurface: (surface) =>
    set((s) => ({ surface, consoleDock: s.consoleDock === 'max' ? 'bottom' : s.consoleDock })),
  setSigninHost: (signinHost) => set({ signinHost }),
  toolsHost: 'sync01',
  tool: 'events',
  setToolsHost: (toolsHost) => set({ toolsHost }),
  setTool: (tool) => set({ tool }),
  pickerOpen: false,
  setPickerOpen: (pickerOpen) => set({ pickerOpen }),
  instructorOpen: false,
  setInstructorOpen: (instructorOpen) => set({ instructorOpen }),
  sessionsOpen: false,
  setSessionsOpen: (sessionsOpen) => set({ sessionsOpen }),
  selectedDevice: 'pc2',
  consoleHost: 'pc2',
  consoleShell: 'cmd',
  playing: false,
  speed: 1,
  selectDevice: (id) => set({ selectedDevice: id }),
  openConsole: (host, shell) =>
    set((s) => ({
      consoleHost: host,
      consoleShell: shell ?? s.consoleShell,
      selectedDevice: host,
      consoleStarted: true,
    })),
  setShell: (consoleShell) => set({ consoleShell }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
}));
