import { useEffect } from 'react';
import { useLabHost, useLabStarted } from '../lab/LabContext';
import { useUi } from '../state/uiStore';
import { recallClock, rememberClock } from '../state/clockMemory';
import { useClassroomStore } from '../components/classroom/classroomStore';

const TICK_MS = 250;

/**
 * While the clock plays, lab time moves with real time times the chosen speed. Each tick is a
 * journalled clock advance; the lab merges consecutive ones into one entry and the session saver
 * writes them a few seconds at a time, so a clock playing at 1× costs a record per few seconds.
 *
 * When another lab takes over, its clock starts: a new lab, a scenario's start or starting over
 * plays at 1×; a reopened session resumes as the learner left it (1× if that is not known). In a
 * class whose instructor holds the clock it stays paused: their resume restores it.
 *
 * Before the engine runs (the first screen of a new lab) the clock stands at the lab's start: it
 * starts with the lab, when the learner does.
 */
export function useClockDriver(): void {
  const host = useLabHost();
  const started = useLabStarted();
  const controller = started ? host.controller : undefined;
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  useEffect(() => {
    if (!playing || !controller) return;
    const id = setInterval(
      () => controller.dispatch({ type: 'clock.advance', ms: TICK_MS * speed }, { activity: false }),
      TICK_MS,
    );
    return () => clearInterval(id);
  }, [controller, playing, speed]);

  useEffect(() => {
    if (!controller) return;
    let seen = -1;
    const start = () => {
      const origin = controller.clockOrigin;
      if (origin.seq === seen) return;
      seen = origin.seq;
      const left = !origin.fresh && origin.session ? recallClock(origin.session) : undefined;
      const ui = useUi.getState();
      ui.setSpeed(left?.speed ?? 1);
      if (!useClassroomStore.getState().clockHeld) ui.setPlaying(left?.playing ?? true);
    };
    start();
    const offLab = controller.subscribe(start);
    // How the learner leaves the clock is kept per session (not while the instructor holds it).
    const offUi = useUi.subscribe((s, prev) => {
      if (s.playing === prev.playing && s.speed === prev.speed) return;
      const session = controller.currentSession?.id;
      if (session && !useClassroomStore.getState().clockHeld)
        rememberClock(session, { playing: s.playing, speed: s.speed });
    });
    return () => {
      offLab();
      offUi();
    };
  }, [controller]);
}
