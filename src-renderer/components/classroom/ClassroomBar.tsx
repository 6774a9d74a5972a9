import { useRole } from '../../state/roleStore';
import { useClassroomStore } from './classroomStore';
import { hostChannel } from './hostChannel';
import { leaveClass } from './classLink';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import { TopBarButton } from '../layout/TopBarButton';

const STATE_TEXT = {
  none: '',
  connecting: 'connecting…',
  connected: 'connected',
  waiting: 'reconnecting…',
  refused: 'refused',
  closed: 'left',
} as const;

/**
 * The classroom's place in the top bar: for a learner, "Join class…" or their link's state (the lab
 * runs whatever it is); for an unlocked instructor, the button that opens the class dashboard.
 * `compact`: the top bar is narrow (its buttons are icons).
 */
export function ClassroomBar({ compact }: { compact: boolean }) {
  const instructor = useRole((s) => s.role) === 'instructor';
  const link = useClassroomStore((s) => s.link);
  const held = useClassroomStore((s) => s.clockHeld);
  const running = useClassroomStore((s) => s.running);
  const setJoinOpen = useClassroomStore((s) => s.setJoinOpen);
  const setDashboardOpen = useClassroomStore((s) => s.setDashboardOpen);
  if (!hostChannel().available) return null;
  if (instructor)
    return (
      <TopBarButton
        label={running ? `Class ${running.code}` : 'Classroom'}
        icon={<PeopleTeamRegular />}
        compact={compact}
        onClick={() => {
          hostChannel().send({ kind: 'class.status' });
          setDashboardOpen(true);
        }}
        data-testid="open-classroom"
        title="Run a class: start it, follow learners, assign scenarios, inject faults"
      />
    );
  if (link.state === 'none' || link.state === 'closed')
    return (
      <TopBarButton
        label="Join class…"
        icon={<PeopleTeamRegular />}
        compact={compact}
        onClick={() => setJoinOpen(true)}
        data-testid="join-class"
      />
    );
  return (
    <span className="class-status" data-testid="class-status" data-state={link.state}>
      <span className={`class-dot class-dot-${link.state}`} aria-hidden="true" />
      Class: {STATE_TEXT[link.state]}
      {link.state === 'refused' && link.detail ? ` (${link.detail})` : ''}
      {held && (
        // On a narrow bar, for screen readers only: the clock's own label says it too.
        <span data-testid="class-clock-held" className={compact ? 'visually-hidden' : undefined}>
          {' '}
          · lab clock paused by your instructor
        </span>
      )}
      {link.state === 'refused' ? (
        <button type="button" className="btn btn-small" onClick={() => setJoinOpen(true)}>
          Join again…
        </button>
      ) : (
        <button type="button" className="btn btn-small" onClick={leaveClass} data-testid="leave-class">
          Leave
        </button>
      )}
    </span>
  );
}
