/**
 * The debrief quotes the lab's own history: every event it shows is in a host's log, every error
 * and output is what the learner's action answered, and a different route through the same
 * scenario (a diagnostic run first, or giving up before the fix) gives a different debrief.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../../simulation/scenarios/schema';
import { ScenarioRun } from '../../../simulation/scenarios/engine';
import { debriefOf, type Debrief } from '../../../simulation/scenarios/debrief';

function load(file: string): Scenario {
  const r = loadScenario(readFileSync(join(__dirname, '../../../assets/scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function play(s: Scenario, lines: readonly string[]): { run: ScenarioRun; debrief: Debrief } {
  const run = ScenarioRun.start(s, 1);
  for (const l of lines) expect(run.act(l), l).toEqual({ ok: true });
  if (run.getStatus() === 'running') run.giveUp();
  return { run, debrief: debriefOf(run) };
}

/** Every event quoted is in a host's log with that id, time and message. */
function expectRealHistory(run: ScenarioRun, d: Debrief): void {
  const events = Object.values(run.lab.truth().hosts).flatMap((h) =>
    Object.values(h.host?.logs ?? {}).flatMap((l) => l?.entries ?? []),
  );
  for (const c of d.causes)
    for (const e of c.evidence) {
      if (e.kind === 'event') {
        const id = Number(/event (\d+)/.exec(e.where)?.[1]);
        expect(
          events.some(
            (x) => x.eventId === id && x.time === e.at && x.message.startsWith(e.text.split('\n')[0] ?? ''),
          ),
          e.where,
        ).toBe(true);
      } else {
        expect(run.observations().some((o) => o.at === e.at)).toBe(true);
      }
    }
}

const evidenceText = (d: Debrief) =>
  d.causes.flatMap((c) => c.evidence.map((e) => `${e.where} ${e.text}`)).join('\n');

/** Console lines that only read the state (the reference solutions start with some). */
const DIAGNOSTIC = /^(cmd|ps) \w+: (Get-|nltest|ipconfig \/all|Test-NetConnection|nslookup|w32tm \/query)/i;

const CASES: { file: string; fault: string; diagnostic: string; reveals: RegExp; always: RegExp }[] = [
  {
    file: 'firewall-blocks-relay.json',
    fault: 'L7',
    diagnostic: 'ps sync01: Test-NetConnection ssprdedicatedsbprodfra-1.servicebus.windows.net -Port 443',
    reveals: /TcpTestSucceeded\s*:\s*False/,
    always: /event 31034 \(PasswordResetService\)/,
  },
  {
    file: 'staging-mode.json',
    fault: 'L17',
    diagnostic: 'ps sync01: Get-ADSyncScheduler',
    reveals: /StagingModeEnabled\s*:\s*True/,
    always: /StagingModeEnabled|SSPR_0030/,
  },
  {
    file: 'pc2-wrong-dns.json',
    fault: 'L27',
    diagnostic: 'cmd pc2: nltest /dsgetdc:laborhub.store',
    reveals: /1355/,
    always: /./,
  },
  {
    file: 'dhcp-down.json',
    fault: 'L26',
    diagnostic: 'cmd pc2: ipconfig /all',
    reveals: /169\.254\./,
    always: /./,
  },
  {
    file: 'adsync-stopped.json',
    fault: 'L6',
    diagnostic: 'ps sync01: Get-Service ADSync',
    reveals: /Stopped\s+ADSync/,
    always: /SSPR_0030|event 31016/,
  },
  {
    file: 'restrict-remote-sam.json',
    fault: 'L16',
    diagnostic:
      'ps dc01: Get-ItemProperty HKLM:\\System\\CurrentControlSet\\Control\\Lsa -Name RestrictRemoteSam',
    reveals: /RestrictRemoteSam/,
    always: /./,
  },
];

describe('the debrief', () => {
  it('is not available while the run goes on (it names the cause)', () => {
    const run = ScenarioRun.start(load('firewall-blocks-relay.json'), 1);
    expect(() => debriefOf(run)).toThrow(/not ended/);
  });

  describe.each(CASES)('$file', ({ file, fault, diagnostic, reveals, always }) => {
    const s = load(file);

    it('names the cause and quotes the evidence the reference route produced, with times', () => {
      const { run, debrief } = play(s, s.solution);
      expect(run.getStatus()).toBe('completed');
      const c = debrief.causes.find((x) => x.fault === fault);
      expect(c?.cause.length).toBeGreaterThan(20);
      expect(c?.holdsAtEnd).toBe(false);
      expect(c?.learnerFix?.text).toBeTruthy();
      expect(c?.evidence.length).toBeGreaterThan(0);
      for (const e of c?.evidence ?? []) expect(e.at).toBeGreaterThanOrEqual(c?.injectedAt ?? Infinity);
      expect(evidenceText(debrief)).toMatch(always);
      expectRealHistory(run, debrief);
    });

    it("quotes a diagnostic's output only on the route that ran it, and lists it as looked at", () => {
      // The same fix without any read-only diagnostic, then with the one diagnostic first.
      const bare = s.solution.filter((l) => !DIAGNOSTIC.test(l));
      const without = play(s, bare);
      const withIt = play(s, [diagnostic, ...bare]);
      expect(without.run.getStatus()).toBe('completed');
      expect(withIt.run.getStatus()).toBe('completed');
      expect(evidenceText(without.debrief)).not.toMatch(reveals);
      expect(evidenceText(withIt.debrief)).toMatch(reveals);
      expect(withIt.debrief.lookedAt.map((l) => l.text).join('\n')).toContain(
        diagnostic.replace(/^\w+ \w+: /, ''),
      );
      expect(without.debrief.lookedAt.map((l) => l.text).join('\n')).not.toContain(
        diagnostic.replace(/^\w+ \w+: /, ''),
      );
      expectRealHistory(withIt.run, withIt.debrief);
    });

    it('given up before any fix: no learner fix, the fault still held, the reference shown', () => {
      const { debrief } = play(s, [diagnostic]);
      const c = debrief.causes.find((x) => x.fault === fault);
      expect(debrief.status).toBe('Given up');
      expect(c?.learnerFix).toBeUndefined();
      expect(c?.holdsAtEnd).toBe(true);
      expect(debrief.reference.length).toBe(s.solution.length);
      expect(debrief.reference.join('\n')).not.toMatch(/Spring#Reset2026|CloudAdmin!2026/);
    });
  });

  it('the timeline reads as words: no undefined, no internal event names, no passwords', () => {
    const s = load('firewall-blocks-relay.json');
    const { debrief } = play(s, s.solution);
    const text = debrief.timeline.map((t) => t.text).join('\n');
    expect(text).not.toMatch(/undefined|portal\.sspr|phone\.respond|clock\.advance|Spring#Reset2026/);
  });
});

/** The reset attempt a learner makes to see the user's error before changing anything. */
const REPRO = [
  'sspr chooseMethod method=sms',
  'sspr sendSms phone="+1 4255550142"',
  'sspr enterCode code=@smsCode',
  'sspr submitPassword password="Spring#Reset2026" confirm="Spring#Reset2026"',
];

/**
 * Faults whose symptom shows only when the learner makes it show: the reference route reproduces
 * it (a reset attempt, a sign-in with the helpdesk's password, a look at the log after the next
 * password-sync run, the PHS configuration), and the debrief quotes what the lab produced then.
 * Without that step the lab logged nothing for the fault, and the debrief says so.
 */
const SHOWN_ON_ROUTE: { file: string; fault: string; step: readonly string[]; evidence: RegExp }[] = [
  {
    file: 'connector-permissions.json',
    fault: 'L9',
    step: REPRO,
    evidence: /event 33004 \(PasswordResetService\)[^]*ADPermissionsError[^]*SSPR_0029/,
  },
  { file: 'firewall-then-staging.json', fault: 'L7', step: REPRO, evidence: /SSPR_0030/ },
  {
    file: 'phs-disabled.json',
    fault: 'L19',
    step: ['ps sync01: Get-ADSyncAADPasswordSyncConfiguration -SourceConnector "laborhub.store"'],
    evidence:
      /Get-ADSyncAADPasswordSyncConfiguration[^]*laborhub\.store\s+everestitt\.onmicrosoft\.com - AAD False/,
  },
  {
    file: 'replication-rights-lost.json',
    fault: 'L20',
    step: ['advance 2m'],
    evidence:
      /event 611 \(Directory Synchronization\), Error\s+Password synchronization failed[^]*RPC Error 8453: Replication access was denied/,
  },
  {
    file: 'm365-admin-reset.json',
    fault: 'L22',
    step: ['signin pc2 michael.brown "Helpdesk#Temp26"'],
    evidence: /PC2 sign-in screen The user name or password is incorrect/,
  },
  { file: 'forest-readded.json', fault: 'L23', step: REPRO, evidence: /event 6329 \(ADSync\)[^]*0x8023061f/ },
  {
    file: 'connector-password-too-long.json',
    fault: 'L24',
    step: REPRO,
    evidence: /event 6329 \(ADSync\)[^]*800700CE/,
  },
  {
    file: 'ldap-sign-encrypt-off.json',
    fault: 'L25',
    step: REPRO,
    evidence: /event 6329 \(ADSync\)[^]*8023062C/,
  },
];

describe.each(SHOWN_ON_ROUTE)('the debrief of $fault ($file)', ({ file, fault, step, evidence }) => {
  const s = load(file);
  const causeText = (d: Debrief) =>
    (d.causes.find((c) => c.fault === fault)?.evidence ?? []).map((e) => `${e.where} ${e.text}`).join('\n');

  it('quotes what the lab produced when the reference route made the symptom show', () => {
    expect(s.solution.join('\n')).toContain(step.join('\n'));
    const { run, debrief } = play(s, s.solution);
    expect(run.getStatus()).toBe('completed');
    expect(causeText(debrief)).toMatch(evidence);
    expectRealHistory(run, debrief);
  });

  it('has nothing to quote on a route that never made it show', () => {
    const at = s.solution.join('\n').indexOf(step.join('\n'));
    const before = s.solution.join('\n').slice(0, at).split('\n').filter(Boolean).length;
    const without = [...s.solution.slice(0, before), ...s.solution.slice(before + step.length)];
    const { run, debrief } = play(s, without);
    expect(run.getStatus()).toBe('completed');
    expect(causeText(debrief)).toBe('');
  });
});
