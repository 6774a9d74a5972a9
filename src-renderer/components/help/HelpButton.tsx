import { Button } from '@fluentui/react-components';
import { QuestionCircleRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { useHelp } from './helpStore';
import { HELP, type HelpTopic } from './helpTopics';
import { LazyTooltip } from '../lazyTooltip';

/**
 * A small "?" button that opens one surface's help (the console's, the phone's). Memoised: its
 * panel re-renders on every lab change (a console command), the button and its tooltip need not.
 */
export const HelpButton = memo(function HelpButton({ topic }: { topic: HelpTopic }) {
  const setTopic = useHelp((s) => s.setTopic);
  const label = `Help: ${HELP[topic].title}`;
  return (
    <LazyTooltip content={`${label} (F1)`} relationship="description">
      <Button
        appearance="subtle"
        size="small"
        icon={<QuestionCircleRegular />}
        aria-label={label}
        onClick={() => setTopic(topic)}
        data-testid={`help-${topic}`}
      />
    </LazyTooltip>
  );
});
