/**
 * UI state of the Microsoft surfaces (zustand; never a copy of the lab): where the learner is in the
 * admin center and what they typed but have not saved yet, which notifications they have seen, the
 * phone panel (open, its last screen, the texts already read), and the Windows lock screen.
 */
import { create } from 'zustand';

export type PhoneScreen = 'home' | 'messages' | 'authenticator' | 'scan';

interface SurfaceUiState {
  /** The admin center's page (see components/admin/adminRoutes.ts). */
  adminRoute: string;
  setAdminRoute: (route: string) => void;
  /** Unsaved edits per blade, kept when the learner switches surfaces. */
  drafts: Record<string, unknown>;
  setDraft: (key: string, value: unknown) => void;
  clearDraft: (key: string) => void;
  /** The blades whose draft differs from what is saved. */
  dirty: Record<string, boolean>;
  setDirty: (key: string, dirty: boolean) => void;
  seenNotification: number;
  setSeenNotification: (id: number) => void;
  phoneOpen: boolean;
  setPhoneOpen: (open: boolean) => void;
  phoneScreen: PhoneScreen;
  setPhoneScreen: (screen: PhoneScreen) => void;
  /** How many texts the learner has seen (the badge counts the rest). */
  smsSeen: number;
  setSmsSeen: (n: number) => void;
  /** Hosts whose lock screen was dismissed (the sign-in screen shows). */
  unlocked: Record<string, boolean>;
  setUnlocked: (host: string, unlocked: boolean) => void;
}

export const useSurfaceUi = create<SurfaceUiState>((set) => ({
  adminRoute: 'home',
  setAdminRoute: (adminRoute) => set({ adminRoute }),
  drafts: {},
  setDraft: (key, value) => set((s) => ({ drafts: { ...s.drafts, [key]: value } })),
  clearDraft: (key) =>
    set((s) => {
      const { [key]: _, ...drafts } = s.drafts;
      return { drafts, dirty: { ...s.dirty, [key]: false } };
    }),
  dirty: {},
  setDirty: (key, dirty) =>
    set((s) => (s.dirty[key] === dirty ? s : { dirty: { ...s.dirty, [key]: dirty } })),
  seenNotification: 0,
  setSeenNotification: (seenNotification) => set({ seenNotification }),
  phoneOpen: false,
  setPhoneOpen: (phoneOpen) => set({ phoneOpen }),
  phoneScreen: 'home',
  setPhoneScreen: (phoneScreen) => set({ phoneScreen }),
  smsSeen: 0,
  setSmsSeen: (smsSeen) => set({ smsSeen }),
  unlocked: {},
  setUnlocked: (host, unlocked) => set((s) => ({ unlocked: { ...s.unlocked, [host]: unlocked } })),
}));
