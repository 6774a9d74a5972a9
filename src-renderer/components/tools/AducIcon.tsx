import { memo } from 'react';
import { makeStyles } from '@fluentui/react-components';
import type { AducObjectKind } from '../../../simulation';

const useIconStyles = makeStyles({ icon: { verticalAlign: '-3px', flexShrink: 0 } });

export type AducIconKind = AducObjectKind | 'console' | 'queries';

/** ADUC's small icons (folders, OUs, users, groups, computers), drawn so no emoji font is needed. */
export const AducIcon = memo(function AducIcon({
  kind,
  disabled,
}: {
  kind: AducIconKind;
  disabled?: boolean;
}) {
  const className = useIconStyles().icon;
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, className };
  const folder = <path d="M1 4h5l1.5 1.5H15V13H1z" fill="#f2c55c" stroke="#b8912f" strokeWidth="0.8" />;
  const person = (x: number, color: string) => (
    <g fill={color} stroke="#3b5e8c" strokeWidth="0.6">
      <circle cx={x} cy="5" r="2.6" />
      <path d={`M${x - 4.5} 14.5c0-3.2 2-5.2 4.5-5.2s4.5 2 4.5 5.2z`} />
    </g>
  );
  let body;
  switch (kind) {
    case 'domain':
      body = (
        <g stroke="#2f5d9a" strokeWidth="0.8" fill="#7fa7dc">
          <rect x="6" y="1.5" width="4" height="4" />
          <rect x="1.5" y="10" width="4" height="4" />
          <rect x="10.5" y="10" width="4" height="4" />
          <path d="M8 5.5v2.5M3.5 10V8h9v2" fill="none" />
        </g>
      );
      break;
    case 'ou':
      body = (
        <>
          {folder}
          <rect x="8.5" y="7.5" width="5" height="4.5" fill="#fff" stroke="#6b6b6b" strokeWidth="0.7" />
          <path d="M9.5 9h3M9.5 10.5h3" stroke="#6b6b6b" strokeWidth="0.6" />
        </>
      );
      break;
    case 'user':
      body = person(8, '#8fb6e8');
      break;
    case 'group':
      body = (
        <>
          {person(10.5, '#b7cde9')}
          {person(5.5, '#8fb6e8')}
        </>
      );
      break;
    case 'computer':
      body = (
        <g stroke="#4a4a4a" strokeWidth="0.8">
          <rect x="1.5" y="2" width="13" height="9" fill="#9cc3ee" />
          <path d="M5 14h6M8 11v3" fill="none" />
        </g>
      );
      break;
    case 'console':
      body = <rect x="2" y="1.5" width="11" height="13" rx="1" fill="#5b8bd6" stroke="#2f5d9a" />;
      break;
    default:
      body = folder;
  }
  return (
    <svg {...common}>
      {body}
      {disabled && (
        <g>
          <circle cx="11.5" cy="11.5" r="4" fill="#fff" stroke="#444" strokeWidth="0.8" />
          <path d="M11.5 9.2v4.2M9.8 11.8l1.7 1.8 1.7-1.8" stroke="#444" strokeWidth="1" fill="none" />
        </g>
      )}
    </svg>
  );
});
