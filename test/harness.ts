/**
 * A small harness that drives a lab in a learner's verbs: run a console command on a host and get
 * what it printed, let time pass, stop a service. Tests read like what a learner does.
 */
import { Lab, type LabOptions } from '../simulation/lab/lab';
import { parseDuration } from '../simulation/core/time';
import type { ShellKind } from '../simulation/windows/hostState';

export function newLab(options: LabOptions = {}): Lab {
  return new Lab(options);
}

/** Runs one console line and returns the lines it printed (without the echoed prompt line). */
export function run(lab: Lab, host: string, line: string, shell: ShellKind = 'cmd'): string[] {
  const before = lab.learnerView().consoles[host]?.[shell].transcript.length ?? 0;
  const r = lab.dispatch({ type: 'console.exec', host, shell, line });
  if (!r.ok) throw new Error(`console.exec failed: ${r.error}`);
  const transcript = lab.learnerView().consoles[host]?.[shell].transcript ?? [];
  return transcript.slice(before + 1).map((l) => l.text);
}

export function text(lines: string[]): string {
  return lines.join('\n');
}

export function wait(lab: Lab, duration: string): void {
  const ms = parseDuration(duration);
  if (ms === undefined) throw new Error(`bad duration ${duration}`);
  const r = lab.dispatch({ type: 'clock.advance', ms });
  if (!r.ok) throw new Error(r.error);
}

export function must(lab: Lab, command: unknown): void {
  const r = lab.dispatch(command);
  if (!r.ok) throw new Error(r.error);
}

/** The address PC-side tools would show for a host right now. */
export function addressOf(lab: Lab, host: string): string | undefined {
  return lab.learnerView().devices.find((d) => d.id === host)?.addresses[0];
}
