/**
 * UI state only (zustand): what is selected, which console is open, whether the clock plays and how
 * fast. Never a copy of the lab's state.
 */
import { create } from 'zustand';
import type { ShellKind } from '../../simulation/windows/hostState';

export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

interface UiState {
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
  selectedDevice: 'pc2',
  consoleHost: 'pc2',
  consoleShell: 'cmd',
  playing: false,
  speed: 1,
  selectDevice: (id) => set({ selectedDevice: id }),
  openConsole: (host, shell) =>
    set((s) => ({ consoleHost: host, consoleShell: shell ?? s.consoleShell, selectedDevice: host })),
  setShell: (consoleShell) => set({ consoleShell }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
}));
