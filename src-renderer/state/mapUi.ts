/** UI state of the lab map (zustand): whether the trace of the learner's last flow is shown. */
import { create } from 'zustand';

interface MapUiState {
  traceOpen: boolean;
  setTraceOpen: (open: boolean) => void;
}

export const useMapUi = create<MapUiState>((set) => ({
  traceOpen: false,
  setTraceOpen: (traceOpen) => set({ traceOpen }),
}));
