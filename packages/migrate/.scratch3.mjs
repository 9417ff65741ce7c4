import { CHANGES } from './build/test/diff/render-changes.cases.js';
import { sqlOf, flagsOf } from './build/test/diff/helpers/objects.js';
for (const [k, c] of Object.entries(CHANGES)) {
  console.log(`\n### ${k}`);
  for (const p of ['sqlite','postgresql','mysql']) { console.log(`-- ${p}`, (()=>{try{return JSON.stringify(flagsOf(c,p))}catch{return ""}})()); const s = sqlOf(c,p); console.log(typeof s === 'string' ? s : s.join(';\n')); }
}
