import { MenuButton } from '@fluentui/react-components';
import { memo } from 'react';
import { useLabSelect, useFirstScreenView } from '../lab/LabContext';
import { SPEEDS, useUi, type Speed } from '../state/uiStore';
import { useClassroomStore } from './classroom/classroomStore';
import { useClockSkip, type SkipCommand } from '../hooks/useClockSkip';
import { ClockWaits } from './ClockWaits';
import { LazyPopup, MENU_OPEN_KEYS } from './lazyPopup';
import { NextRegular } from '@fluentui/react-icons';
import { TopBarButton } from './layout/TopBarButton';

// The menu's code (with Fluent's menu and positioning) is fetched the first time it opens.
const loadForwardMenu = () => import('./ClockForwardMenu').then((m) => m.ClockForwardMenu);

/**
 * The lab clock: what time it is in the lab and whether it runs (and how fast), pause / play,
 * speed, steps forward, and what waits on lab time. Skipping time ends with a summary of what
 * happened meanwhile. `compact`: the top bar is narrow (the speed's label and "Next event" give way
 * to the select's own name and an icon).
 */
export function ClockBar({ compact }: { compact: boolean }) {
  const view = useFirstScreenView();
  // Before the engine runs, the clock stands at the lab's start: lab time runs once the learner starts.
  const phase = useLabSelect((h) => (h.controller ? 'running' : h.starting ? 'starting' : 'waiting'));
  const skip = useClockSkip();
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const setPlaying = useUi((s) => s.setPlaying);
  const setSpeed = useUi((s) => s.setSpeed);
  /** In a class, the instructor paused the lab clock: it stays still until they resume it. */
  const held = useClassroomStore((s) => s.clockHeld);
  return (
    <div className="clock" role="group" aria-label="Lab clock">
      <div className="clock-time" data-testid="lab-clock" title={view.time.timeZone}>
        <span className="clock-label" data-testid="clock-state">
          Lab time ·{' '}
          {phase === 'waiting' ? (
            'starts when you do'
          ) : phase === 'starting' ? (
            'starting…'
          ) : playing ? (
            <span className="clock-running">
              <span className="clock-dot" aria-hidden="true" />
              running {speed}×
            </span>
          ) : held ? (
            'paused by your instructor'
          ) : (
            'paused'
          )}
        </span>
        <span className="clock-value">{view.time.display}</span>
      </div>
      <button
        type="button"
        className={`btn ${playing ? 'btn-active' : 'btn-primary'}`}
        data-testid="clock-play"
        onClick={() => setPlaying(!playing)}
        aria-pressed={playing}
        disabled={held}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <label className="hl-field">
        {!compact && <span>Speed</span>}
        <select
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
          data-testid="clock-speed"
          aria-label="Speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <ForwardMenu held={held} skip={skip} />
      <TopBarButton
        label="Next event"
        icon={<NextRegular />}
        compact={compact}
        title="Run to the next thing the lab has scheduled"
        onClick={() => skip({ type: 'clock.next' })}
        disabled={held}
      />
      <ClockWaits view={view.labTime} playing={playing} held={held} skip={skip} />
    </div>
  );
}

/**
 * Forward by a step. Memoised: the clock bar re-renders on every lab change (each clock tick, each
 * console command), the menu only when it is held or not.
 */
const ForwardMenu = memo(function ForwardMenu({
  held,
  skip,
}: {
  held: boolean;
  skip: (command: SkipCommand) => void;
}) {
  return (
    <LazyPopup
      load={loadForwardMenu}
      props={{ skip }}
      openKeys={MENU_OPEN_KEYS}
      trigger={(props) => (
        <MenuButton size="small" data-testid="clock-forward" disabled={held} aria-haspopup="menu" {...props}>
          Forward
        </MenuButton>
      )}
    />
  );
});
