import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A real QR code of the Authenticator activation link (what the app reads when it scans): drawn as
 * SVG squares from the `qrcode` package's module matrix.
 */
export function QrCode({ text, size = 180 }: { text: string; size?: number }) {
  const { n, path } = useMemo(() => {
    const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let y = 0; y < m.size; y++)
      for (let x = 0; x < m.size; x++) if (m.data[y * m.size + x]) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    return { n: m.size + 8, path: d };
  }, [text]);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      role="img"
      aria-label="QR code"
      data-testid="qr-code"
    >
      <rect width={n} height={n} fill="#ffffff" />
      <path d={path} fill="#000000" shapeRendering="crispEdges" />
    </svg>
  );
}

/** What Security info's QR code holds for Microsoft Authenticator: the activation code and URL. */
export function activationLink(code: string, url: string): string {
  return `phonefactor://activate_account?code=${code}&url=${encodeURIComponent(url)}`;
}

/** What the phone's camera reads back from that link. */
export function parseActivationLink(link: string): string | undefined {
  return /[?&]code=(\d+)/.exec(link)?.[1];
}
