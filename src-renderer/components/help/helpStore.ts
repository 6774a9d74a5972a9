/** Which surface's help is open (UI state only). */
import { create } from 'zustand';
import type { HelpTopic } from './helpTopics';

interface HelpState {
  topic: HelpTopic | null;
  setTopic: (topic: HelpTopic | null) => void;
}

export const useHelp = create<HelpState>((set) => ({
  topic: null,
  setTopic: (topic) => set({ topic }),
}));
