import { Button } from '@fluentui/react-components';
import { memo } from 'react';
import type { LabTimeView, LabTimeWait } from '../../simulation';
import { formatSpan } from '../lab/formatSpan';
import type { SkipCommand } from '../hooks/useClockSkip';
import { runTo } from './clockRunTo';
import { LazyPopup } from './lazyPopup';

/** A few words for the top bar. */
const SHORT: Record<LabTimeWait['kind'], string> = {
  'sync-cycle': 'Sync cycle',
  'sync-queued': 'Sync cycle requested',
  'next-sync': 'Next sync',
  'next-phs': 'Next password sync',
  'writeback-listener': 'Writeback listener',
  'connect-configuring': 'Configuring',
};

function headline(w: LabTimeWait | undefined, now: number): string {
  if (!w) return 'Nothing waiting';
  if (w.running && w.progress !== undefined) return `${SHORT[w.kind]} ${Math.floor(w.progress * 100)}%`;
  if (w.running || w.at === undefined) return SHORT[w.kind];
  return `${SHORT[w.kind]} in ${formatSpan(Math.max(0, w.at - now))}`;
}

// The panel's code (with Fluent's popover, positioning and progress bar) is fetched the first time
// it opens.
const loadPanel = () => import('./ClockWaitsPanel').then((m) => m.ClockWaitsPanel);

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
      <LazyPopup
        load={loadPanel}
        props={{ view, playing, held, skip }}
        trigger={(props) => (
          <Button
            size="small"
            appearance={stuck ? 'primary' : 'secondary'}
            data-testid="clock-waits"
            className="clock-waits"
            aria-label={`Waiting on lab time: ${waits.length === 0 ? 'nothing' : headline(waits[0], now)}`}
            aria-expanded={false}
            {...props}
          >
            {stuck ? `Paused: ${SHORT[stuck.kind].toLowerCase()} waits` : headline(waits[0], now)}
          </Button>
        )}
      />
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
