/**
 * Typing into a console from Playwright. The console is an xterm.js terminal: its input is a
 * hidden text box (data-testid console-input) that takes keystrokes, not `fill`. What the terminal
 * shows is in `.xterm-rows` (the visible rows, spaces as U+00A0); the whole transcript is in the
 * console's log (data-testid console-output holds both).
 */
import type { Page } from 'playwright-core';

/**
 * The console's terminal, started as a learner starts it: until first used the console shows the
 * host's prompt as plain text (data-testid console-start); a click on it starts the lab and the
 * terminal. Nothing to do when the terminal is already up.
 */
export async function openTerminal(page: Page): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.or(page.getByTestId('console-start')).first().waitFor({ state: 'attached' });
  if ((await input.count()) === 0) {
    const start = page.getByTestId('console-start');
    // Already starting (a click or a key came first): the terminal comes by itself. Otherwise click;
    // the prompt may give way to the terminal between the look and the click (seen under load), and
    // if the terminal never comes, the wait below fails.
    if ((await start.getAttribute('aria-busy').catch(() => null)) !== 'true')
      await start.click({ timeout: 5_000 }).catch(() => undefined);
  }
  await input.waitFor({ state: 'attached' });
}

export async function typeInConsole(page: Page, line: string, submit = true): Promise<void> {
  await openTerminal(page);
  const input = page.getByTestId('console-input');
  await input.focus();
  await page.keyboard.type(line);
  if (submit) await page.keyboard.press('Enter');
}

/** The terminal's visible rows as text, one string a row. */
export async function terminalRows(page: Page): Promise<string[]> {
  const rows = await page.locator('[data-testid=console-terminal] .xterm-rows > div').allTextContents();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
}

/** The row the cursor is on: the prompt and the line being typed (the last non-empty row). */
export async function promptRow(page: Page): Promise<string> {
  const rows = (await terminalRows(page)).filter((r) => r !== '');
  return rows[rows.length - 1] ?? '';
}
