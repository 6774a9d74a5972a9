/**
 * What every actor may ask of the lab around it: the time on the lab clock. Given as input, never
 * read from the wall clock.
 */
export interface LabEnv {
  now(): number;
}
