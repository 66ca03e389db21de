/**
 * Thrown by a benchmark section that cannot run here (missing emulator, missing file, …); bench/run.mjs prints
 * the message as the reason and goes on with the next section.
 */
export class SectionSkipped extends Error {}
