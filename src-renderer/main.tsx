import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './layout.css';
import { App } from './App';
import { LabController } from './lab/LabController';
import { LabContext } from './lab/LabContext';
import { detectPlatform } from './platform';
import { ThemeRoot } from './theme/ThemeRoot';

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  const controller = await LabController.open(detectPlatform());
  let warned = false;
  window.addEventListener('beforeunload', (event) => {
    if (controller.isSaved()) return;
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
      <LabContext.Provider value={controller}>
        <ThemeRoot>
          <App />
        </ThemeRoot>
      </LabContext.Provider>
    </StrictMode>,
  );
}

void boot();
