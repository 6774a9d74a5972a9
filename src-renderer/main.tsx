import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { LabController } from './lab/LabController';
import { LabContext } from './lab/LabContext';
import { detectPlatform } from './platform';
import { ThemeRoot } from './theme/ThemeRoot';

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  const controller = await LabController.open(detectPlatform());
  window.addEventListener('beforeunload', () => void controller.flush());
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
