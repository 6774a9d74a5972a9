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
 * Whether the engine is needed at once: a stored session to reopen (its journal is replayed), an
 * older version's save to move into the store, or something to tell (no writer, unreadable
 * sessions). A new lab (the fast path) starts when the learner does.
 */
async function needsEngineNow(platform: Platform, writer: boolean): Promise<boolean> {
  if (!writer) return true;
  const list = await platform.sessions.list();
  if (!list.ok || list.value.current || list.value.sessions.length > 0) return true;
  const legacy = await platform.legacySession();
  return legacy.ok && legacy.value !== null;
}

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  const platform = detectPlatform();
  const writer = await platform.claimWriter();
  const host = new LabHost(platform, writer);
  if (await needsEngineNow(platform, writer)) void host.start();
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
