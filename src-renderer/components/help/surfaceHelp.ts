/** What the Help panel says about one surface: the real tool it mirrors, and what the lab leaves out. */
export interface SurfaceHelp {
  /** The surface's name, as its tab or window calls it. */
  title: string;
  /** The real tool it mirrors, and where a learner finds it on a real network. */
  mirrors: string;
  /** What the lab simplifies or leaves out, so a learner does not take it for the real thing. */
  simplifies: string;
}
