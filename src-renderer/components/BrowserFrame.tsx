import type { ReactNode } from 'react';

/** A browser window around a cloud page: the address bar shows where the learner is. */
export function BrowserFrame({
  url,
  children,
  testId,
}: {
  url: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="browser" data-testid={testId}>
      <div className="browser-bar">
        <span className="browser-dots" aria-hidden>
          ● ● ●
        </span>
        <span className="browser-url">{url}</span>
      </div>
      <div className="browser-page">{children}</div>
    </div>
  );
}
