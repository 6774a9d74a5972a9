import { Button, Popover, PopoverSurface, PopoverTrigger, ProgressBar } from '@fluentui/react-components';
import { formatSpan, type LabTimeView, type LabTimeWait } from '../../simulation';
import type { SkipCommand } from '../hooks/useClockSkip';
import { runTo } from './clockRunTo';
import type { PopupProps } from './lazyPopup';

function when(w: LabTimeWait, now: number): string {
  if (w.at === undefined) return 'as soon as lab time moves on';
  const left = w.at - now;
  const at = w.atDisplay ? ` (${w.atDisplay})` : '';
  if (w.running) return left > 0 ? `about ${formatSpan(left)} left${at}` : 'finishing';
  return left > 0 ? `in ${formatSpan(left)}${at}` : 'now';
}

interface ClockWaitsPanelProps extends PopupProps {
  view: LabTimeView;
  playing: boolean;
  held: boolean;
  skip: (command: SkipCommand) => void;
}

/**
 * The top bar's "Waiting on lab time" popover (fetched when it first opens): everything that
 * waits, each with the time left and "Run to it".
 */
export function ClockWaitsPanel({ view, playing, held, skip, defaultOpen, trigger }: ClockWaitsPanelProps) {
  const { now, waits } = view;
  return (
    <Popover withArrow positioning="below-start" defaultOpen={defaultOpen}>
      <PopoverTrigger disableButtonEnhancement>{trigger()}</PopoverTrigger>
      <PopoverSurface aria-label="Waiting on lab time" data-testid="clock-waits-panel" className="waits">
        <h2 className="waits-title">Waiting on lab time</h2>
        {!playing && waits.length > 0 && (
          <p className="waits-paused" data-testid="waits-paused">
            {held
              ? 'Your instructor paused the lab clock: nothing below happens until they resume it.'
              : 'The lab clock is paused: nothing below happens until it runs.'}
          </p>
        )}
        {waits.length === 0 ? (
          <p className="waits-empty">Nothing is waiting on lab time.</p>
        ) : (
          <ul className="waits-list">
            {waits.map((w) => (
              <li key={w.kind} className="waits-item" data-testid={`wait-${w.kind}`}>
                <div className="waits-label">
                  <span>{w.label}</span>
                  <span className="waits-host">{w.host}</span>
                </div>
                {w.progress !== undefined && (
                  <ProgressBar value={w.progress} thickness="large" aria-label={`${w.label}: progress`} />
                )}
                <div className="waits-when">
                  <span data-testid={`wait-${w.kind}-when`}>{when(w, now)}</span>
                  <Button
                    size="small"
                    disabled={held}
                    data-testid={`run-to-${w.kind}`}
                    onClick={() => skip(runTo(w, now))}
                  >
                    Run to it
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </PopoverSurface>
    </Popover>
  );
}
