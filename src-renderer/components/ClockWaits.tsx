import { Button, Popover, PopoverSurface, PopoverTrigger, ProgressBar } from '@fluentui/react-components';
import { memo } from 'react';
import type { LabTimeView, LabTimeWait } from '../../simulation';
import { formatSpan } from '../lab/formatSpan';
import type { SkipCommand } from '../hooks/useClockSkip';

/** A few words for the top bar. */
const SHORT: Record<LabTimeWait['kind'], string> = {
  'sync-cycle': 'Sync cycle',
  'sync-queued': 'Sync cycle requested',
  'next-sync': 'Next sync',
  'next-phs': 'Next password sync',
  'writeback-listener': 'Writeback listener',
  'connect-configuring': 'Configuring',
};

/** What advancing to a wait means: to its time (and a second past it), or to the lab's next step. */
export function runTo(w: LabTimeWait, now: number): SkipCommand {
  return w.at === undefined
    ? { type: 'clock.next' }
    : { type: 'clock.advance', ms: Math.max(1000, w.at - now + 1000) };
}

function when(w: LabTimeWait, now: number): string {
  if (w.at === undefined) return 'as soon as lab time moves on';
  const left = w.at - now;
  const at = w.atDisplay ? ` (${w.atDisplay})` : '';
  if (w.running) return left > 0 ? `about ${formatSpan(left)} left${at}` : 'finishing';
  return left > 0 ? `in ${formatSpan(left)}${at}` : 'now';
}

function headline(w: LabTimeWait | undefined, now: number): string {
  if (!w) return 'Nothing waiting';
  if (w.running && w.progress !== undefined) return `${SHORT[w.kind]} ${Math.floor(w.progress * 100)}%`;
  if (w.running || w.at === undefined) return SHORT[w.kind];
  return `${SHORT[w.kind]} in ${formatSpan(Math.max(0, w.at - now))}`;
}

interface ClockWaitsProps {
  view: LabTimeView;
  playing: boolean;
  held: boolean;
  skip: (command: SkipCommand) => void;
}

/**
 * "Waiting on lab time": the top bar's button names the first thing that waits (with its
 * progress); its popover lists everything, each with the time left and "Run to it". With the
 * clock paused while something the learner started waits, the bar says so and offers to run to it.
 */
export const ClockWaits = memo(function ClockWaits({ view, playing, held, skip }: ClockWaitsProps) {
  const { now, waits } = view;
  const stuck = playing ? undefined : waits.find((w) => w.started);
  return (
    <>
      <Popover withArrow positioning="below-start">
        <PopoverTrigger disableButtonEnhancement>
          <Button
            size="small"
            appearance={stuck ? 'primary' : 'secondary'}
            data-testid="clock-waits"
            className="clock-waits"
            aria-label={`Waiting on lab time: ${waits.length === 0 ? 'nothing' : headline(waits[0], now)}`}
          >
            {stuck ? `Paused: ${SHORT[stuck.kind].toLowerCase()} waits` : headline(waits[0], now)}
          </Button>
        </PopoverTrigger>
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
      {stuck && !held && (
        <Button
          size="small"
          data-testid="clock-run-to"
          title={`Advance the lab clock until: ${stuck.label}`}
          onClick={() => skip(runTo(stuck, now))}
        >
          Run to it
        </Button>
      )}
    </>
  );
}, sameWaits);

/**
 * The view is new after every lab change; what it says changes less often (a console command
 * moves no lab time): the button and its popover re-render only when it does.
 */
function sameWaits(a: ClockWaitsProps, b: ClockWaitsProps): boolean {
  return (
    a.playing === b.playing &&
    a.held === b.held &&
    a.skip === b.skip &&
    (a.view === b.view || JSON.stringify(a.view) === JSON.stringify(b.view))
  );
}
