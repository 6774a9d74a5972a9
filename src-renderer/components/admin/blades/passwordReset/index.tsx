import type { JSX } from 'react';
import type { BladeProps } from '../../adminRoutes';
import { AdminPolicyBlade } from './AdminPolicyBlade';
import { DiagnoseBlade, UsageBlade } from './InsightsBlades';
import { MethodsBlade } from './MethodsBlade';
import { OnPremisesBlade } from './OnPremisesBlade';
import { PropertiesBlade } from './PropertiesBlade';
import { CustomizationBlade, NotificationsBlade, RegistrationBlade } from './SimpleBlades';

/** The Password reset blade's pages, by the route after "pr:". */
export const PASSWORD_RESET_BLADES: Record<string, (p: BladeProps) => JSX.Element> = {
  properties: (p) => <PropertiesBlade {...p} />,
  methods: (p) => <MethodsBlade {...p} />,
  registration: (p) => <RegistrationBlade {...p} />,
  notifications: (p) => <NotificationsBlade {...p} />,
  customization: (p) => <CustomizationBlade {...p} />,
  onprem: (p) => <OnPremisesBlade {...p} />,
  adminPolicy: (p) => <AdminPolicyBlade {...p} />,
  usage: (p) => <UsageBlade {...p} />,
  diagnose: (p) => <DiagnoseBlade {...p} />,
};
