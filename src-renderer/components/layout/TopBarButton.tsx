import type { ButtonHTMLAttributes, ReactElement } from 'react';
import { LazyTooltip } from '../lazyTooltip';

interface TopBarButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'type'> {
  /** Its text, and its accessible name either way. */
  label: string;
  /** Drawn alone, with `label` as its tooltip and name, when `compact`. */
  icon: ReactElement;
  /** The top bar is narrow (useTopBarCompact). */
  compact: boolean;
}

/**
 * A button of the top bar: its label, or on a narrow window its icon, named by the label and with
 * the label as its tooltip (the button's `title`, a description, is then left out: one tooltip).
 */
export function TopBarButton({ label, icon, compact, className, title, ...rest }: TopBarButtonProps) {
  if (!compact)
    return (
      <button type="button" className={className ? `btn ${className}` : 'btn'} title={title} {...rest}>
        {label}
      </button>
    );
  return (
    <LazyTooltip content={label} relationship="label">
      <button type="button" className={className ? `btn btn-icon ${className}` : 'btn btn-icon'} {...rest}>
        {icon}
      </button>
    </LazyTooltip>
  );
}
