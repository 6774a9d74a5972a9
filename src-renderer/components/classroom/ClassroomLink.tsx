import { useClassroom } from './useClassroom';

/** The page wired to its classroom host (useClassroom), once the lab runs. */
export function ClassroomLink() {
  useClassroom();
  return null;
}
