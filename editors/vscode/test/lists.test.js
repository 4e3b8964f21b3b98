'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { listNames, listGlob } = require('../lists');

test('the lists a model reads, comments skipped', () => {
  const model = [
    '// reject remote from "old.txt" (commented out)',
    'listener L on ipv4 0.0.0.0:80 {',
    '  inspect {',
    '    reject remote from "drop.txt"',
    '    accept local from  "feeds\\\\allow.list" port 80',
    '    /* pend remote from "later.txt" */',
    '    reject remote 10.0.0.0/8',
    '  }',
    '}',
  ].join('\n');
  assert.deepStrictEqual(listNames(model), ['drop.txt', 'feeds\\\\allow.list']);
});

test('one glob for the base names, special characters escaped', () => {
  assert.strictEqual(listGlob([]), undefined);
  assert.strictEqual(listGlob(['drop.txt', 'lists/drop.txt']), '**/drop.txt');
  assert.strictEqual(listGlob(['b.txt', 'sub\\a.list', 'c{1}.txt']), '**/{a.list,b.txt,c[{]1[}].txt}');
});
