/**
 * Who is at the keyboard: HybridLab starts as a learner; instructor mode is entered with the
 * passphrase (UnlockDialog) and left on request or after INSTRUCTOR_IDLE_MS without input. UI state
 * only: what the passphrase unlocks is decided by the platform (instructorAuth).
 */
import { create } from 'zustand';

export type Role = 'learner' | 'instructor';

/** Instructor mode locks itself after this long without a key press or a click. */
export const INSTRUCTOR_IDLE_MS = 15 * 60_000;

interface RoleState {
  role: Role;
  unlockOpen: boolean;
  setRole: (role: Role) => void;
  setUnlockOpen: (open: boolean) => void;
}

export const useRole = create<RoleState>((set) => ({
  role: 'learner',
  unlockOpen: false,
  setRole: (role) => set({ role }),
  setUnlockOpen: (unlockOpen) => set({ unlockOpen }),
}));
