import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { BladeProps } from '../adminRoutes';
import { BladeFrame } from '../BladeFrame';
import { SaveBar } from '../SaveBar';
import { useAdminStyles } from '../adminStyles';

/** A settings blade: the Save / Discard bar, the form, and the error of the last Save if it failed. */
export function SavedForm(props: {
  blade: BladeProps;
  dirty: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** Blades that show a status have Refresh (a fresh look at the page is journaled). */
  onRefresh?: () => void;
  error?: string;
  children: ReactNode;
}) {
  const s = useAdminStyles();
  return (
    <BladeFrame
      info={props.blade.info}
      route={props.blade.route}
      subtitle={props.blade.subtitle}
      onNavigate={props.blade.navigate}
      commands={
        <SaveBar
          dirty={props.dirty}
          onSave={props.onSave}
          onDiscard={props.onDiscard}
          {...(props.onRefresh ? { onRefresh: props.onRefresh } : {})}
        />
      }
    >
      {props.error && (
        <MessageBar intent="error" data-testid="blade-error">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.form}>{props.children}</div>
    </BladeFrame>
  );
}
