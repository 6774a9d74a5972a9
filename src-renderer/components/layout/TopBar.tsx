import { useLayoutEffect, useRef } from 'react';
import { useLabHost, useLabSelect } from '../../lab/LabContext';
import { useUi } from '../../state/uiStore';
import { ClockBar } from '../ClockBar';
import { SaveStatus } from '../SaveStatus';
import { useLockInstructor } from '../../hooks/useInstructorLock';
import { useRole } from '../../state/roleStore';
import { ClassroomBar } from '../classroom/ClassroomBar';
import { HelpMenu } from '../help/HelpMenu';

/** The app's top bar: its name and the lab's, the clock, and the app-wide actions. */
export function TopBar() {
  const host = useLabHost();
  const instructorOpen = useUi((s) => s.instructorOpen);
  const setInstructorOpen = useUi((s) => s.setInstructorOpen);
  const setPickerOpen = useUi((s) => s.setPickerOpen);
  const setSessionsOpen = useUi((s) => s.setSessionsOpen);
  const instructor = useRole((s) => s.role) === 'instructor';
  const setUnlockOpen = useRole((s) => s.setUnlockOpen);
  const lockInstructor = useLockInstructor();
  const bar = useRef<HTMLElement>(null);
  // Where the bar ends, for what is fixed under it (the instructor drawer): it wraps to more rows
  // on a narrow window or at a large zoom.
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
    <header className="topbar" ref={bar}>
      <div className="brand">
        <h1 className="brand-name">HybridLab</h1>
        <SaveStatus />
        <span className="brand-lab">{title}</span>
      </div>
      <ClockBar />
      <div className="topbar-actions">
        <ClassroomBar />
        <button
          type="button"
          className="btn"
          onClick={() => setSessionsOpen(true)}
          data-testid="open-sessions"
        >
          Sessions
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setPickerOpen(true)}
          data-testid="open-scenarios"
        >
          Scenarios
        </button>
        <HelpMenu />
        {instructor ? (
          <>
            <button
              type="button"
              className={`btn${instructorOpen ? ' btn-active' : ''}`}
              onClick={() => setInstructorOpen(!instructorOpen)}
              aria-pressed={instructorOpen}
              data-testid="instructor-toggle"
              title="Faults and scheduling (instructor only)"
            >
              Instructor
            </button>
            <button
              type="button"
              className="btn"
              onClick={lockInstructor}
              data-testid="instructor-lock"
              title="Back to learner mode"
            >
              Lock
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => setUnlockOpen(true)}
            data-testid="instructor-unlock"
            title="Instructor mode (passphrase)"
          >
            Instructor mode…
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (
              window.confirm(
                'Start the lab again from the beginning? Your current session stays in Sessions, where you can open it again.',
              )
            )
              host.act((c) => c.startOver());
          }}
        >
          Start over
        </button>
      </div>
    </header>
  );
}
