import { loadavg } from 'node:os';
import { CrashLoop, formatSummary } from '../test/helpers/crash-run.js';
import { formatSynchronous, measureSynchronous } from './crash-durability.js';

/**
 * `npm run bench:crash`: the crash-safety loop at 200 cycles (ASE_CRASH_CYCLES), with restart
 * times, after synchronous=NORMAL vs FULL for a typical write. ASE_CRASH_SKIP_LOOP=1 or
 * ASE_CRASH_SKIP_SYNC=1 runs only the other half.
 */
const cycles = Number(process.env.ASE_CRASH_CYCLES ?? 200);
const lanes = Number(process.env.ASE_CRASH_LANES ?? 2);
const verbose = process.env.ASE_CRASH_VERBOSE === '1';
/** "min,max" milliseconds from the load's start to the kill (default 100,1500). */
const killAfterMs = process.env.ASE_CRASH_KILL_MS?.split(',').map(Number) as [number, number] | undefined;

const loadBefore = loadavg()[0]!;
if (process.env.ASE_CRASH_SKIP_SYNC !== '1') {
  console.log(formatSynchronous(await measureSynchronous()));
}
if (process.env.ASE_CRASH_SKIP_LOOP !== '1') {
  const loop = new CrashLoop({
    cycles,
    lanes,
    ...(killAfterMs === undefined ? {} : { killAfterMs }),
    log: (line) => {
      if (verbose || /PROBLEMS/.test(line)) console.log(line);
      // A progress summary every 20 cycles: a long run on a busy machine still tells something.
      const done = loop.summary();
      if (done.cycles % 20 === 0 && done.cycles < cycles) console.log(`[progress] ${formatSummary(done)}`);
    },
  });
  let failed = false;
  try {
    const summary = await loop.run();
    console.log(formatSummary(summary));
    failed = summary.problems.length > 0;
  } finally {
    await loop.close();
  }
  if (failed) process.exitCode = 1;
}
console.log(
  `load average (1 min) at start ${loadBefore.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)} on 2 cores`,
);
