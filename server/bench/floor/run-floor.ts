import { formatFloorReport, runFloorSuite } from './floor.js';

/** `npm run bench:floor`: only the shop floor's part of `npm run bench`. */
const report = await runFloorSuite();
console.log(`\n${formatFloorReport(report)}\n`);
