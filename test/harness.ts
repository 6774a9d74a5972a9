/**
 * A small harness that drives a lab in a learner's verbs: run a console command on a host and get
 * what it printed, let time pass, stop a service. Tests read like what a learner does.
 */
import { Lab, type LabOptions } from '../simulation/facade/lab';
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
  const r = lab.dispatchUnknown(command);
  if (!r.ok) throw new Error(r.error);
}

/** The address PC-side tools would show for a host right now. */
export function addressOf(lab: Lab, host: string): string | undefined {
  return lab.learnerView().devices.find((d) => d.id === host)?.addresses[0];
}

/** The Microsoft Entra admin center, as the learner (a Global Administrator) uses it. */
export function admin(lab: Lab, action: Record<string, unknown>): void {
  must(lab, { type: 'portal.admin', action });
}

/** The Entra Connect wizard on the sync server. */
export function wizard(lab: Lab, action: Record<string, unknown>): void {
  must(lab, { type: 'connect.wizard', action });
}

export function myAccount(lab: Lab, action: Record<string, unknown>): void {
  must(lab, { type: 'portal.myaccount', action });
}

export function sspr(lab: Lab, action: Record<string, unknown>): void {
  must(lab, { type: 'portal.sspr', action });
}

/** The last SMS on a phone, and the 6-digit code in it. */
export function lastSmsCode(lab: Lab, phone = 'phone-michael'): string {
  const sms = lab.learnerView().phones[phone]?.sms.at(-1);
  const code = sms?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in the last SMS on ${phone}: ${sms?.text ?? '(none)'}`);
  return code;
}

export function signIn(lab: Lab, host: string, user: string, password: string): void {
  must(lab, { type: 'desktop.signIn', host, user, password });
}

/** Runs the Connect wizard's "Customize synchronization options" with the given optional features. */
export function customizeSync(
  lab: Lab,
  features: Record<string, boolean>,
  credentials = { user: 'admin@everestitt.onmicrosoft.com', password: 'CloudAdmin!2026' },
): void {
  wizard(lab, { type: 'open' });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'chooseTask', task: 'customize' });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'setCredentials', ...credentials });
  wizard(lab, { type: 'next' });
  wizard(lab, { type: 'next' }); // Connect your directories
  wizard(lab, { type: 'next' }); // Domain and OU filtering
  for (const [feature, enabled] of Object.entries(features))
    wizard(lab, { type: 'setFeature', feature, enabled });
  wizard(lab, { type: 'next' }); // Optional features → Ready to configure
  wizard(lab, { type: 'next' }); // Configure
  untilConfigured(lab);
}

/** The Configuring page runs on the lab clock: lets it run, a second at a time, until it is done. */
export function untilConfigured(lab: Lab): void {
  for (let i = 0; i < 300 && lab.learnerView().connect?.page.page === 'configuring'; i++) wait(lab, '1s');
}
