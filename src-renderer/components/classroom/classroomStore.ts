/**
 * What the page knows of the classroom, from its host: for the instructor, the class and its
 * dashboard rows; for the learner, the link's state and their current assignment. Filled by
 * useClassroom from the host channel; the components only read it.
 */
import { create } from 'zustand';
import type { ClassInfo, DashboardRow, LinkStateName } from '../../../simulation';

export interface LinkView {
  state: LinkStateName;
  detail?: string;
  name?: string;
  address?: string;
}

interface ClassroomState {
  /** Instructor: the class running on this host, the LAN addresses, whether one can be resumed. */
  running?: ClassInfo;
  interfaces: string[];
  resumable: boolean;
  rows: DashboardRow[];
  /** Instructor: the last error the host gave. */
  error?: string;
  dashboardOpen: boolean;
  /** Learner. */
  link: LinkView;
  /** Learner: the instructor paused the lab clock (it stays still until they resume it). */
  clockHeld: boolean;
  joinOpen: boolean;
  setDashboardOpen(open: boolean): void;
  setJoinOpen(open: boolean): void;
}

export const useClassroomStore = create<ClassroomState>((set) => ({
  interfaces: [],
  resumable: false,
  rows: [],
  dashboardOpen: false,
  link: { state: 'none' },
  clockHeld: false,
  joinOpen: false,
  setDashboardOpen: (dashboardOpen) => set({ dashboardOpen }),
  setJoinOpen: (joinOpen) => set({ joinOpen }),
}));

export function putRow(rows: DashboardRow[], row: DashboardRow): DashboardRow[] {
  const i = rows.findIndex((r) => r.learnerId === row.learnerId);
  if (i === -1) return [...rows, row];
  const next = rows.slice();
  next[i] = row;
  return next;
}
