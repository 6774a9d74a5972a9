import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { BladeProps } from '../adminRoutes';
import { BladeFrame } from '../BladeFrame';
import { ADMIN_UI } from '../adminTexts';

/** A page of the real admin center that this lab does not reproduce. */
export function NotModelledBlade(blade: BladeProps) {
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <MessageBar intent="info">
        <MessageBarBody>{ADMIN_UI.notModelled}</MessageBarBody>
      </MessageBar>
    </BladeFrame>
  );
}
