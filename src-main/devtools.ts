/**
 * Developer tools: closed in a packaged learner build (they would show the lab's truth: faults,
 * solutions), open in development. `setDevToolsAllowed` is the one switch, for instructor mode to
 * call once it is unlocked: it closes tools already open when turned off, and the menu follows.
 */
import type { Input, WebContents } from 'electron';

/** Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C and F12: the shortcuts that open the tools. */
export function opensDevTools(
  input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>,
): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12') return true;
  return ['i', 'j', 'c'].includes(key) && ((input.control && input.shift) || (input.meta && input.alt));
}

export class DevToolsPolicy {
  private readonly contents = new Set<WebContents>();
  private readonly listeners = new Set<(allowed: boolean) => void>();

  constructor(private allowed: boolean) {}

  isAllowed(): boolean {
    return this.allowed;
  }

  attach(wc: WebContents): void {
    this.contents.add(wc);
    wc.on('destroyed', () => this.contents.delete(wc));
    wc.on('devtools-opened', () => {
      if (!this.allowed) wc.closeDevTools();
    });
    wc.on('before-input-event', (event, input) => {
      if (!this.allowed && opensDevTools(input)) event.preventDefault();
    });
  }

  setDevToolsAllowed(allowed: boolean): void {
    if (allowed === this.allowed) return;
    this.allowed = allowed;
    if (!allowed) for (const wc of this.contents) if (wc.isDevToolsOpened()) wc.closeDevTools();
    for (const l of this.listeners) l(allowed);
  }

  onChange(listener: (allowed: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
