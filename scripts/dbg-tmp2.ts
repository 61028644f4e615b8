import { stemSwedish } from '../src/core/qa/text';
for (const w of process.argv.slice(2)) console.log(w, stemSwedish(w));
