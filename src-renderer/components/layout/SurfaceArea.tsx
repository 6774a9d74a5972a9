import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import { useSurfaceUi } from '../../state/surfaceUi';
import { useUi } from '../../state/uiStore';
import { DevicePanel } from '../DevicePanel';
import { LabCanvas } from '../LabCanvas';

// Every surface but the map is its own chunk, fetched the first time the learner opens it.
const AdminCenter = lazy(() => import('../admin/AdminCenter').then((m) => ({ default: m.AdminCenter })));
const ConnectWizard = lazy(() =>
  import('../connect/ConnectWizard').then((m) => ({ default: m.ConnectWizard })),
);
const MyAccount = lazy(() => import('../myaccount/MyAccount').then((m) => ({ default: m.MyAccount })));
const PhoneDock = lazy(() => import('../phone/PhoneDock').then((m) => ({ default: m.PhoneDock })));
const SignInScreen = lazy(() => import('../signin/SignInScreen').then((m) => ({ default: m.SignInScreen })));
const SsprPortal = lazy(() => import('../sspr/SsprPortal').then((m) => ({ default: m.SsprPortal })));
const ServerTools = lazy(() => import('../tools/ServerTools').then((m) => ({ default: m.ServerTools })));

/** What a surface shows while its chunk loads (a moment, once per surface). */
function Loading() {
  return (
    <p className="surface-loading" role="status">
      Loading…
    </p>
  );
}

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
        <Suspense fallback={<Loading />}>
          {surface === 'admin' && <AdminCenter />}
          {surface === 'connect' && <ConnectWizard />}
          {surface === 'sspr' && <SsprPortal />}
          {surface === 'myaccount' && <MyAccount />}
          {surface === 'signin' && <SignInScreen />}
          {surface === 'tools' && <ServerTools />}
        </Suspense>
      </main>
      {phoneOpen && (
        <Suspense fallback={<Loading />}>
          <PhoneDock />
        </Suspense>
      )}
    </div>
  );
}
