import { ReactFlowProvider } from '@xyflow/react';
import { useSurfaceUi } from '../../state/surfaceUi';
import { useUi } from '../../state/uiStore';
import { DevicePanel } from '../DevicePanel';
import { LabCanvas } from '../LabCanvas';
import { AdminCenter } from '../admin/AdminCenter';
import { ConnectWizard } from '../connect/ConnectWizard';
import { MyAccount } from '../myaccount/MyAccount';
import { PhoneDock } from '../phone/PhoneDock';
import { SignInScreen } from '../signin/SignInScreen';
import { SsprPortal } from '../sspr/SsprPortal';
import { ServerTools } from '../tools/ServerTools';

/** The chosen surface, with the phone beside it as a learner holds a phone beside a PC. */
export function SurfaceArea() {
  const surface = useUi((s) => s.surface);
  const phoneOpen = useSurfaceUi((s) => s.phoneOpen);
  return (
    <div className="hl-surface">
      <main className={`workspace surface-${surface}`} id="main" tabIndex={-1}>
        {surface === 'map' && (
          <>
            <ReactFlowProvider>
              <LabCanvas />
            </ReactFlowProvider>
            <DevicePanel />
          </>
        )}
        {surface === 'admin' && <AdminCenter />}
        {surface === 'connect' && <ConnectWizard />}
        {surface === 'sspr' && <SsprPortal />}
        {surface === 'myaccount' && <MyAccount />}
        {surface === 'signin' && <SignInScreen />}
        {surface === 'tools' && <ServerTools />}
      </main>
      {phoneOpen && <PhoneDock />}
    </div>
  );
}
