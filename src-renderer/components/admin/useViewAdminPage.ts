import { useLabController } from '../../lab/LabContext';

/**
 * The admin center pages a `surface.view` names (simulation/scenarios/describe.ts VIEW_LABELS): the
 * learner opening one is a journal fact, so a scenario can ask that a page was looked at.
 */
const VIEW_TARGETS: Record<string, string> = {
  'pr:properties': 'sspr.properties',
  'pr:methods': 'sspr.methods',
  'pr:registration': 'sspr.registration',
  'pr:notifications': 'sspr.notifications',
  'pr:customization': 'sspr.customization',
  'pr:onprem': 'sspr.onprem',
  'pr:adminPolicy': 'sspr.adminPolicy',
  'pr:audit': 'sspr.audit',
  'am:policies': 'authMethods',
  users: 'users',
  groups: 'groups',
  connect: 'connect',
  'mon:signins': 'signins',
  'users:signins': 'signins',
};

/** Journals the learner opening (or refreshing) an admin center page. */
export function useViewAdminPage(): (route: string) => void {
  const controller = useLabController();
  return (route: string) => {
    const target = VIEW_TARGETS[route];
    if (target) controller.dispatch({ type: 'surface.view', surface: 'admin', target });
  };
}
