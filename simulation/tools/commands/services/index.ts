/**
 * Services from the console: Get-Service, Start-Service, Stop-Service, Restart-Service,
 * Set-Service, and sc.exe (query, queryex, start, stop, config, qc). What they change goes back to
 * the host as `service` / `serviceStartType` effects (the host tells the ADSync actor about
 * ADSync); what they print follows the real cmdlets' format views and sc.exe's layouts.
 *
 * The commands live in services/: hostServices.ts (a host's services, their dependencies and start
 * chains), controlManager.ts (slow and unstoppable services, the SCM's event 7040), select.ts (-Name / -DisplayName and the Get-Service table), getService.ts, startStop.ts
 * (Start-, Stop-, Restart-Service), setService.ts, scStatus.ts and scText.ts (what sc.exe prints)
 * and scExe.ts; this module assembles them.
 */
import { getService } from './getService';
import { sc, scExe } from './scExe';
import { setService } from './setService';
import { restartService, startService, stopService } from './startStop';
import type { CommandDef } from '../types';

export const SERVICE_COMMANDS: readonly CommandDef[] = [
  getService,
  startService,
  stopService,
  restartService,
  setService,
  scExe,
  sc,
];
