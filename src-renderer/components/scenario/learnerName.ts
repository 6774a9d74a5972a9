/**
 * The learner's name, typed before a scenario starts and kept while the app is open (a scenario
 * run keeps its own copy in its saved session). Never a fault, a summary or a solution.
 */
import { create } from 'zustand';

interface LearnerNameState {
  name: string;
  setName: (name: string) => void;
}

export const useLearnerName = create<LearnerNameState>((set) => ({
  name: '',
  setName: (name) => set({ name }),
}));

/** A name as typed, tidied: no surrounding or repeated spaces, at most 80 characters. */
export const tidyName = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 80);
