import type { ReactNode } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useResolvedTheme } from './useResolvedTheme';

/** The one FluentProvider of the app: Microsoft's web theme, light or dark as the OS (or the learner) says. */
export function ThemeRoot({ children }: { children: ReactNode }) {
  const theme = useResolvedTheme();
  return (
    <FluentProvider
      theme={theme === 'dark' ? webDarkTheme : webLightTheme}
      data-theme={theme}
      style={{ height: '100%', background: 'transparent' }}
    >
      {children}
    </FluentProvider>
  );
}
