import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { SkipCommand } from '../hooks/useClockSkip';
import type { PopupProps } from './lazyPopup';

const STEPS: { label: string; ms: number }[] = [
  { label: '+1 min', ms: 60_000 },
  { label: '+10 min', ms: 600_000 },
  { label: '+1 h', ms: 3_600_000 },
  { label: '+1 day', ms: 86_400_000 },
];

/** The clock bar's Forward menu: the lab clock forward by a step (fetched when it first opens). */
export function ClockForwardMenu({
  skip,
  defaultOpen,
  trigger,
}: { skip: (command: SkipCommand) => void } & PopupProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>{trigger()}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          {STEPS.map((s) => (
            <MenuItem key={s.label} onClick={() => skip({ type: 'clock.advance', ms: s.ms })}>
              {s.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
