import { useState } from 'react';
import { Button, Input, Text } from '@fluentui/react-components';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import type { PhoneScreen } from '../../state/surfaceUi';
import { QrCode, activationLink, parseActivationLink } from '../myaccount/QrCode';
import { usePhoneStyles } from './phoneStyles';

/**
 * Add work or school account > Scan a QR code: the camera sees the QR code Security info shows on
 * the learner's screen; clicking the viewfinder scans it (the app reads the link the code holds).
 */
export function ScanScreen({ phone, open }: { phone: string; open: (s: PhoneScreen) => void }) {
  const s = usePhoneStyles();
  const { send } = useDispatch();
  const page = useLearnerView().browser.myAccount.page;
  const qr =
    page.page === 'securityInfo' && page.add?.stage === 'scan'
      ? activationLink(page.add.activationCode, page.add.url)
      : undefined;
  const [manual, setManual] = useState('');
  const scan = (code: string | undefined) => {
    if (!code) return;
    if (send({ type: 'phone.scan', phone, activationCode: code })) open('authenticator');
  };
  return (
    <div className={s.screen} data-testid="phone-scan-screen">
      <Text weight="semibold">Scan QR code</Text>
      <button
        type="button"
        className={s.camera}
        onClick={() => scan(qr && parseActivationLink(qr))}
        aria-label="Scan the QR code in view"
        data-testid="phone-camera"
      >
        {qr ? <QrCode text={qr} size={150} /> : <Text>Point your camera at a QR code.</Text>}
      </button>
      <Text className={s.meta}>OR ENTER CODE MANUALLY</Text>
      <Input
        value={manual}
        onChange={(_, d) => setManual(d.value)}
        placeholder="Code"
        aria-label="Code"
        data-testid="phone-scan-code"
      />
      <div className={s.row}>
        <Button onClick={() => open('authenticator')}>Cancel</Button>
        <Button appearance="primary" disabled={!manual} onClick={() => scan(manual)} data-testid="phone-scan">
          Finish
        </Button>
      </div>
    </div>
  );
}
