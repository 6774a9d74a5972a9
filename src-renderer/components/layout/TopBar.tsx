import { useLayoutEffect, useRef } from 'react';
import { useLabHost, useLabSelect } from '../../lab/LabContext';
import { useUi } from '../../state/uiStore';
import { ClockBar } from '../ClockBar';
import { SaveStatus } from '../SaveStatus';
import { useLockInstructor } from '../../hooks/useInstructorLock';
import { useRole } from '../../state/roleStore';
import { ClassroomBar } from '../classroom/ClassroomBar';
import { HelpMenu } from '../help/HelpMenu';
import { useTopBarCompact } from '../../hooks/useTopBarCompact';
import {
  ArrowResetRegular,
  HistoryRegular,
  LibraryRegular,
  LockClosedRegular,
  PersonBoardRegular,
  ShieldKeyholeRegular,
} from '@fluentui/react-icons';
import { TopBarButton } from './TopBarButton';

/**
 * The app's top bar: its name and the lab's, the clock, and the app-wide actions. One row from
 * 1280 px wide: below 1680 px the actions are icons (useTopBarCompact); below 1280 it wraps.
 */
export function TopBar() {
  const host = useLabHost();
  const compact = useTopBarCompact();
  const instructorOpen = useUi((s) => s.instructorOpen);
  const setInstructorOpen = useUi((s) => s.setInstructorOpen);
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const setSessionsOpen = useUi((s) => s.setSessionsOpen);
  const instructor = useRole((s) => s.role) === 'instructor';
  const setUnlockOpen = useRole((s) => s.setUnlockOpen);
  const lockInstructor = useLockInstructor();
  const bar = useRef<HTMLElement>(null);
  // Where the bar ends, for what is fixed under it (the instructor drawer): it wraps to more rows
  // on a narrow window (under 1280 px) or at a large zoom.
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const note = () =>
      document.documentElement.style.setProperty(
        '--topbar-bottom',
        `${Math.round(el.getBoundingClientRect().bottom)}px`,
      );
    note();
    const watch = new ResizeObserver(note);
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  const title = useLabSelect((h) => (h.scenario ? h.scenario.scenario.title : h.title));
  return (
    <header className={compact ? 'topbar topbar-compact' : 'topbar'} ref={bar} data-testid="topbar">
      <div className="brand">
        <h1 className="brand-name">HybridLab</h1>
        <SaveStatus />
        <span className="brand-lab" title={title}>
          {title}
        </span>
      </div>
      <ClockBar compact={compact} />
      <div className="topbar-actions">
        <ClassroomBar compact={compact} />
        <TopBarButton
          label="Sessions"
          icon={<HistoryRegular />}
          compact={compact}
          onClick={() => setSessionsOpen(true)}
          data-testid="open-sessions"
        />
        <TopBarButton
          label="Scenarios"
          icon={<LibraryRegular />}
          compact={compact}
          onClick={() => setPickerOpen(true)}
          data-testid="open-scenarios"
        />
        <HelpMenu compact={compact} />
        {instructor ? (
          <>
            <TopBarButton
              label="Instructor"
              icon={<PersonBoardRegular />}
              compact={compact}
              className={instructorOpen ? 'btn-active' : undefined}
              onClick={() => setInstructorOpen(!instructorOpen)}
              aria-pressed={instructorOpen}
              data-testid="instructor-toggle"
              title="Faults and scheduling (instructor only)"
            />
            <TopBarButton
              label="Lock"
              icon={<LockClosedRegular />}
              compact={compact}
              onClick={lockInstructor}
              data-testid="instructor-lock"
              title="Back to learner mode"
            />
          </>
        ) : (
          <TopBarButton
            label="Instructor mode…"
            icon={<ShieldKeyholeRegular />}
            compact={compact}
            onClick={() => setUnlockOpen(true)}
            data-testid="instructor-unlock"
            title="Instructor mode (passphrase)"
          />
        )}
        <TopBarButton
          label="Start over"
          icon={<ArrowResetRegular />}
          compact={compact}
          onClick={() => {
            if (
              window.confirm(
                'Start the lab again from the beginning? Your current session stays in Sessions, where you can open it again.',
              )
            )
              host.act((c) => c.startOver());
          }}
        />
      </div>
    </header>
  );
}
