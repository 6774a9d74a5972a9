import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './layout.css';
import { App } from './App';
import { LabContext } from './lab/LabContext';
import { LabHost } from './lab/labHost';
import { detectPlatform } from './platform';
import type { Platform } from './platform/Platform';
import { ThemeRoot } from './theme/ThemeRoot';

/**
 * What needs the engine at once, if anything: a stored session to reopen (its journal is replayed),
 * an older version's save to move into the store, or something to tell (no writer, unreadable
 * sessions). A new lab (the fast path) starts when the learner does.
 */
async function openingNow(platform: Platform, writer: boolean): Promise<string | undefined> {
  if (!writer) return 'Opening HybridLab…';
  const list = await platform.sessions.list();
  if (!list.ok) return 'Opening HybridLab…';
  if (list.value.current || list.value.sessions.length > 0) return 'Reopening your session…';
  const legacy = await platform.legacySession();
  return legacy.ok && legacy.value !== null ? 'Reopening your session…' : undefined;
}

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  const platform = detectPlatform();
  const writer = await platform.claimWriter();
  const host = new LabHost(platform, writer);
  const opening = await openingNow(platform, writer);
  if (opening) {
    // The learner's own lab, not a new lab's first view: shown once it is open, as before.
    const note = document.createElement('p');
    note.className = 'boot-note';
    note.setAttribute('role', 'status');
    note.textContent = opening;
    root.append(note);
    await host.start().catch(() => undefined);
  }
  let warned = false;
  window.addEventListener('beforeunload', (event) => {
    const controller = host.controller;
    // Before the engine runs nothing was done (a new lab's session begins with it).
    if (!controller || controller.isSaved()) return;
    const failed = controller.saveStatus().state === 'failed';
    // Unsaved work: hold the close once, write what is pending, then close (the desktop window
    // closes itself; a browser asks). When saving is failing, the second close goes through.
    if (failed && warned) return;
    warned = true;
    event.preventDefault();
    if (failed) {
      controller.tell({
        level: 'error',
        text: 'Your latest work is not saved. Use "Export a copy" to keep it, or close again to leave without it.',
      });
      return;
    }
    void controller.flush().then(() => {
      if (controller.platform.kind === 'electron') window.close();
    });
  });
  createRoot(root).render(
    <StrictMode>
      <LabContext.Provider value={host}>
        <ThemeRoot>
          <App />
        </ThemeRoot>
      </LabContext.Provider>
    </StrictMode>,
  );
}

void boot();
