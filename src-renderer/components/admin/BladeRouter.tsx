import type { BladeProps } from './adminRoutes';
import { AuditLogsBlade } from './blades/AuditLogsBlade';
import { ConnectBlade } from './blades/ConnectBlade';
import { GroupsBlade } from './blades/GroupsBlade';
import { HomeBlade } from './blades/HomeBlade';
import { MethodSettingsBlade } from './blades/authMethods/MethodSettingsBlade';
import { NotModelledBlade } from './blades/NotModelledBlade';
import { PoliciesBlade } from './blades/authMethods/PoliciesBlade';
import { SignInLogsBlade } from './blades/SignInLogsBlade';
import { UsersBlade } from './blades/users/UsersBlade';
import { PASSWORD_RESET_BLADES } from './blades/passwordReset';

/** Which blade a route opens. */
export function BladeRouter(props: BladeProps) {
  const { route } = props;
  if (route === 'home' || route === 'overview') return <HomeBlade {...props} />;
  if (route === 'pr:audit') return <AuditLogsBlade {...props} service="Self-service Password Management" />;
  const pr = route.startsWith('pr:') ? PASSWORD_RESET_BLADES[route.slice(3)] : undefined;
  if (pr) return pr(props);
  if (route === 'am:policies') return <PoliciesBlade {...props} />;
  if (route.startsWith('am:method:')) return <MethodSettingsBlade {...props} method={route.slice(10)} />;
  if (route === 'users') return <UsersBlade {...props} />;
  if (route === 'users:audit' || route === 'mon:audit') return <AuditLogsBlade {...props} />;
  if (route === 'users:signins' || route === 'mon:signins') return <SignInLogsBlade {...props} />;
  if (route === 'groups') return <GroupsBlade {...props} />;
  if (route === 'connect') return <ConnectBlade {...props} />;
  return <NotModelledBlade {...props} />;
}
