/**
 * What the Sessions page and the File menu do with stored sessions: list, open, rename,
 * duplicate, export and import them, save a copy of the current one, export the report. Each
 * answers with a result and leaves a notice; nothing here deletes or overwrites a session.
 */
import {
  describeCommand,
  encodeRecord,
  type HeaderBody,
  type JournalEntry,
  type Lab,
  type ScenarioRun,
  type SessionMeta,
  type SessionSummary,
} from '../../simulation';
import type { Result, SessionList } from '../../src-main/bridge';
import type { Platform } from '../platform/Platform';
import type { SessionSaver } from './sessionSaver';
import { fileNameFor, hlabFromMemory, type Notice } from './storedSessions';
import { exportHtml } from '../components/scenario/exportResult';

type Done = { ok: true } | { ok: false; error: string };

/**
 * What these actions need from the one who holds the lab (LabController implements it). An
 * interface of its own, so that this module does not import its owner: no import circle.
 */
export interface SessionsHost {
  readonly platform: Platform;
  readonly currentSession: { id: string; header: HeaderBody; saver: SessionSaver } | undefined;
  readonly scenario: ScenarioRun | undefined;
  readonly current: Lab;
  openSession(id: string): Promise<Done>;
  flush(): Promise<void>;
  tell(notice: Notice): void;
  meta(): SessionMeta;
  journal(): readonly JournalEntry[];
}

export class SessionsActions {
  constructor(private readonly c: SessionsHost) {}

  list(): Promise<Result<SessionList>> {
    return this.c.platform.sessions.list();
  }

  open(id: string): Promise<Done> {
    return this.c.openSession(id);
  }

  /** A new title, journalled as a metadata record of that session. */
  async rename(s: SessionSummary, title: string): Promise<Done> {
    const clean = title.trim().slice(0, 200);
    if (!clean) return { ok: false, error: 'A session needs a title.' };
    const current = this.c.currentSession;
    if (current?.id === s.id) {
      current.saver.setMeta({ title: clean });
      return { ok: true };
    }
    const line = encodeRecord({ seq: s.lastSeq + 1, t: 'meta', set: { title: clean }, wall: Date.now() });
    const r = await this.c.platform.sessions.append(s.id, [line]);
    return r.ok ? { ok: true } : r;
  }

  async duplicate(s: SessionSummary): Promise<Done> {
    if (this.c.currentSession?.id === s.id) await this.c.flush();
    const r = await this.c.platform.sessions.duplicate(s.id, `Copy of ${s.title}`.slice(0, 200));
    return r.ok ? { ok: true } : r;
  }

  async export(s: SessionSummary): Promise<Done> {
    if (this.c.currentSession?.id === s.id) await this.c.flush();
    const r = await this.c.platform.exportSession(s.id, fileNameFor(s.title, 'hlab'));
    if (r.ok) this.c.tell({ level: 'info', text: `Exported to ${r.location ?? 'a file'}.` });
    return r.ok || r.error === 'cancelled' ? { ok: true } : r;
  }

  async import(): Promise<Result<{ id: string }> | { ok: false; error: 'cancelled' }> {
    const r = await this.c.platform.importSession();
    if (!r.ok) return r;
    this.c.tell({
      level: r.value.unreadable > 0 ? 'warning' : 'info',
      text:
        r.value.unreadable > 0
          ? `The session was imported up to its last readable record; ${r.value.unreadable} record(s) could not be read (${r.value.stoppedAt ?? ''}).`
          : 'The session was imported. It is in the list.',
    });
    return { ok: true, value: { id: r.value.id } };
  }

  /**
   * The current session from memory (not from the store) as a `.hlab` file: what the learner can
   * still keep when saving fails.
   */
  async saveCopy(): Promise<Done> {
    const s = this.c.currentSession;
    if (!s) return { ok: false, error: 'there is no session to save' };
    const meta = { ...s.header.meta, ...this.c.meta() };
    const title =
      typeof meta.title === 'string'
        ? meta.title
        : (this.c.scenario?.scenario.title ?? s.header.definition.title);
    const r = await this.c.platform.exportFile(
      fileNameFor(`${title} ${new Date().toISOString().slice(0, 10)}`, 'hlab'),
      hlabFromMemory(s.header, meta, this.c.journal()),
    );
    if (r.ok)
      this.c.tell({ level: 'info', text: `A copy of the session was saved to ${r.location ?? 'a file'}.` });
    return r.ok || r.error === 'cancelled' ? { ok: true } : r;
  }

  /**
   * The learner's report: a scenario's report as it stands (learner copy, no faults), or for a free
   * lab the timeline of what was done; once a scenario has ended, the debrief's HTML report.
   */
  async exportReport(): Promise<Done> {
    const run = this.c.scenario;
    const lab = this.c.current;
    // An ended scenario: the debrief's self-contained HTML report.
    if (run && run.getStatus() !== 'running') {
      const r = await exportHtml(run, this.c.platform);
      if (r.ok) this.c.tell({ level: 'info', text: `The report was saved to ${r.location ?? 'a file'}.` });
      return r.ok || r.error === 'cancelled' ? { ok: true } : r;
    }
    const report = run
      ? run.report(false)
      : {
          lab: lab.definition.title,
          labTime: lab.now(),
          timeline: lab.journal().flatMap((e) => {
            const text = describeCommand(e.command, lab.definition);
            return text === undefined ? [] : [{ at: e.at, text }];
          }),
        };
    const title = run ? run.scenario.title : lab.definition.title;
    const r = await this.c.platform.exportFile(
      fileNameFor(`${title} report`, 'json'),
      JSON.stringify(report, null, 2),
    );
    if (r.ok) this.c.tell({ level: 'info', text: `The report was saved to ${r.location ?? 'a file'}.` });
    return r.ok || r.error === 'cancelled' ? { ok: true } : r;
  }
}
