import { useEffect } from 'react';
import { useLabController } from '../lab/LabContext';
import { useUi } from '../state/uiStore';

const TICK_MS = 250;

/** While the clock plays, lab time moves with real time times the chosen speed. */
export function useClockDriver(): void {
  const controller = useLabController();
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(
      () => controller.dispatch({ type: 'clock.advance', ms: TICK_MS * speed }, { activity: false }),
      TICK_MS,
    );
    return () => clearInterval(id);
  }, [controller, playing, speed]);
}
