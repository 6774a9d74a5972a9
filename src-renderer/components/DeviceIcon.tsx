import { memo } from 'react';
import type { DeviceKind } from '../../simulation';

/** Small line icons for the kinds of device on the canvas. */
export const DeviceIcon = memo(function DeviceIcon({ kind }: { kind: DeviceKind }) {
  const common = {
    width: 26,
    height: 26,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.6,
    'aria-hidden': true,
  };
  switch (kind) {
    case 'dc':
    case 'sync':
      return (
        <svg {...common}>
          <rect x="5" y="3" width="14" height="18" rx="1.5" />
          <path d="M8 7h8M8 10h8M8 13h5" />
          <circle cx="15.5" cy="17.5" r="1" fill="currentColor" />
        </svg>
      );
    case 'client':
      return (
        <svg {...common}>
          <rect x="3" y="4" width="18" height="12" rx="1.5" />
          <path d="M9 20h6M12 16v4" />
        </svg>
      );
    case 'router':
      return (
        <svg {...common}>
          <rect x="3" y="12" width="18" height="7" rx="1.5" />
          <path d="M7 12V8M17 12V8M7 15.5h.01M10 15.5h.01" />
        </svg>
      );
    case 'switch':
      return (
        <svg {...common}>
          <rect x="2.5" y="8" width="19" height="8" rx="1.5" />
          <path d="M6 12h.01M9 12h.01M12 12h.01M15 12h.01M18 12h.01" />
        </svg>
      );
    case 'internet':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" />
        </svg>
      );
    case 'tenant':
      return (
        <svg {...common}>
          <path d="M7 18h10a4 4 0 0 0 .5-7.97A5.5 5.5 0 0 0 6.8 9.2 4.4 4.4 0 0 0 7 18Z" />
        </svg>
      );
    case 'mobile':
      return (
        <svg {...common}>
          <path d="M12 10v11M8.5 21h7M12 10l-3.5 11M12 10l3.5 11" />
          <circle cx="12" cy="8" r="1.3" />
          <path d="M8.6 4.6a4.8 4.8 0 0 0 0 6.8M15.4 4.6a4.8 4.8 0 0 1 0 6.8" />
        </svg>
      );
    case 'phone':
      return (
        <svg {...common}>
          <rect x="7" y="2.5" width="10" height="19" rx="2" />
          <path d="M11 18.5h2" />
        </svg>
      );
  }
});
