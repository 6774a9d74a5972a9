/**
 * UI settings kept between launches (zustand, in localStorage): whether the learner has seen the
 * welcome. Only the learner's own preferences; never the lab's state, a fault or a scenario's id.
 */
import { create } from 'zustand';

/** The localStorage key (the e2e harness sets it so its fresh profiles start past the welcome). */
export const UI_SETTINGS_KEY = 'hybridlab.ui';

interface Stored {
  welcomeSeen?: boolean;
}

function read(): Stored {
  try {
    const v = JSON.parse(localStorage.getItem(UI_SETTINGS_KEY) ?? '{}') as unknown;
    return typeof v === 'object' && v !== null ? (v as Stored) : {};
  } catch {
    // Unreadable settings are only preferences: start from the defaults.
    return {};
  }
}

function write(patch: Stored): void {
  try {
    localStorage.setItem(UI_SETTINGS_KEY, JSON.stringify({ ...read(), ...patch }));
  } catch {
    // A full or blocked storage only means the welcome shows again next time.
  }
}

interface UiSettingsState {
  /** The welcome is open: on the first launch, or when asked for from Help. */
  welcomeOpen: boolean;
  setWelcomeOpen: (open: boolean) => void;
}

export const useUiSettings = create<UiSettingsState>((set) => ({
  welcomeOpen: read().welcomeSeen !== true,
  setWelcomeOpen: (welcomeOpen) => {
    // Closing it, however, counts as seen: it is shown once.
    if (!welcomeOpen) write({ welcomeSeen: true });
    set({ welcomeOpen });
  },
}));
