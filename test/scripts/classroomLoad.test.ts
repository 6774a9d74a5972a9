/** The classroom load test at a small size: nothing lost, nothing applied twice, the hub's view matches each learner's. */
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/classroom-load';

describe('classroom:load', () => {
  it('6 learners, 6 lab minutes, 3 disconnects and a hub restart: 0 lost, 0 duplicates, 0 mismatches', async () => {
    const r = await runLoad({
      learners: 6,
      minutes: 6,
      disconnects: 3,
      seed: 3,
      scenario: 'adsync-stopped',
      drainMs: 30_000,
    });
    expect(r.messagesSent).toBeGreaterThan(6 * 6);
    expect(r).toMatchObject({
      learners: 6,
      messagesLost: 0,
      duplicatesApplied: 0,
      stateMismatches: 0,
      resultsCollected: 6,
      resultsFlagged: 0,
      hubRestarts: 1,
      hubDropped: 0,
    });
    expect(r.messagesApplied).toBe(r.messagesSent);
    expect(r.dashboardSamples).toBeGreaterThan(0);
  });
});
