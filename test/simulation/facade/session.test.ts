import { describe, expect, it } from 'vitest';
import { Lab } from '../../../simulation/facade/lab';
import {
  parseSession,
  restoreSession,
  serializeSession,
  sessionOf,
} from '../../../simulation/facade/session';

function saved(): Record<string, unknown> {
  const lab = new Lab();
  lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ipconfig' });
  lab.dispatch({ type: 'clock.advance', ms: 60_000 });
  return JSON.parse(serializeSession(sessionOf(lab))) as Record<string, unknown>;
}

describe('reading a saved session back', () => {
  it('restores a good session to the same state', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'DNS' });
    const r = restoreSession(serializeSession(sessionOf(lab)));
    expect(r.ok && r.lab.stateHash()).toBe(lab.stateHash());
  });

  it.each([
    ['not JSON at all', '{"format": "hybridlab.session", ', /^session: not valid JSON/],
    ['a JSON array', '[]', /^session: expected a JSON object$/],
    [
      'another format',
      JSON.stringify({ ...saved(), format: 'other' }),
      /^session\.format: expected "hybridlab\.session", got "other"$/,
    ],
    ['a future version', JSON.stringify({ ...saved(), version: 9 }), /^session\.version: expected 1, got 9$/],
    [
      'a seed that is not an integer',
      JSON.stringify({ ...saved(), seed: 'x' }),
      /^session\.seed: expected an integer, got "x"$/,
    ],
    [
      'a journal that is not a list',
      JSON.stringify({ ...saved(), journal: {} }),
      /^session\.journal: expected an array$/,
    ],
  ])('rejects %s with an error naming the place', (_label, text, message) => {
    const r = parseSession(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it('names the journal entry and field of a bad command', () => {
    const s = saved();
    const journal = s.journal as { at: number; command: Record<string, unknown> }[];
    journal[0] = {
      at: journal[0]!.at,
      command: { type: 'console.exec', host: 'pc9', shell: 'cmd', line: 'x' },
    };
    const r = parseSession(JSON.stringify(s), 'saved session');
    expect(!r.ok && r.error).toBe(
      'saved session.journal[0].console.exec.host: expected a host of the lab (dc01, sync01, pc1, pc2, pc3), got "pc9"',
    );
  });

  it('names the path of a broken lab definition', () => {
    const s = saved();
    const def = s.definition as { hosts: { nic: { config: Record<string, unknown> } }[] };
    def.hosts[1]!.nic.config.ip = '192.168.6.300';
    const r = parseSession(JSON.stringify(s));
    expect(!r.ok && r.error).toBe(
      'session.definition.hosts[1].nic.config.ip: expected an IPv4 address such as 192.168.6.10',
    );
  });

  it('names the entry whose time does not fit when replaying', () => {
    const s = saved();
    const journal = s.journal as { at: number }[];
    journal[1]!.at += 1;
    const r = restoreSession(JSON.stringify(s));
    expect(!r.ok && r.error).toMatch(
      /^session\.journal\[1\]\.at: expected \d+ \(the lab's time at that point\), got \d+$/,
    );
  });

  it('never throws, whatever the bytes', () => {
    const good = serializeSession(sessionOf(new Lab()));
    for (let cut = 0; cut < good.length; cut += Math.max(1, Math.floor(good.length / 60))) {
      expect(() => restoreSession(good.slice(0, cut))).not.toThrow();
    }
  });
});

describe('commands from outside', () => {
  it('rejects an unknown command type, listing the known ones', () => {
    const r = new Lab().dispatchUnknown({ type: 'service.explode', host: 'dc01' });
    expect(!r.ok && r.error).toMatch(
      /^command\.type: expected one of clock\.advance, clock\.next, .*got "service\.explode"$/,
    );
  });

  it('rejects a service the host does not have', () => {
    const r = new Lab().dispatch({ type: 'service.stop', host: 'pc2', service: 'DHCPServer' });
    expect(!r.ok && r.error).toBe('service.stop.service: expected a service of pc2, got "DHCPServer"');
  });

  it('rejects a negative or huge clock step', () => {
    expect(new Lab().dispatch({ type: 'clock.advance', ms: -1 }).ok).toBe(false);
    expect(new Lab().dispatch({ type: 'clock.advance', ms: Number.NaN }).ok).toBe(false);
    expect(new Lab().dispatch({ type: 'clock.advance', ms: 1e15 }).ok).toBe(false);
  });

  it('accepts service names in any case and journals the real name', () => {
    const lab = new Lab();
    expect(lab.dispatch({ type: 'service.stop', host: 'dc01', service: 'dhcpserver' }).ok).toBe(true);
    expect(lab.journal()[0]?.command).toEqual({ type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
  });

  it('drops fields a command does not have, so the journal stays clean', () => {
    const lab = new Lab();
    lab.dispatchUnknown({ type: 'host.restart', host: 'pc2', extra: 'x' });
    expect(lab.journal()[0]?.command).toEqual({ type: 'host.restart', host: 'pc2' });
  });
});
