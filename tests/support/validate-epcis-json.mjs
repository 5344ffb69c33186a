// Validates JSON files against a JSON Schema (draft-07) with ajv and
// ajv-formats, the validator the EPCIS conformance test relies on:
//   node validate-epcis-json.mjs SCHEMA FILE_OR_DIRECTORY...
// A directory stands for the *.json files in it. One process checks every
// file, so that a test with hundreds of response bodies stays fast.
// Prints each invalid file with ajv's errors and a summary line
// ("validated N files, M invalid"); exits 0 when all are valid, 1 when some
// are not, 2 when the schema or a file cannot be read. ajv is resolved from
// tests/browser/node_modules (npm ci there installs it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../browser/package.json', import.meta.url));
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [schemaPath, ...inputs] = process.argv.slice(2);
if (!schemaPath || inputs.length === 0) {
  console.error('usage: node validate-epcis-json.mjs SCHEMA FILE_OR_DIRECTORY...');
  process.exit(2);
}

let validate;
let files;
try {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  files = inputs.flatMap((input) =>
    statSync(input).isDirectory()
      ? readdirSync(input)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(input, name))
      : [input],
  );
} catch (e) {
  console.error(`cannot validate: ${e.message}`);
  process.exit(2);
}

let invalid = 0;
for (const file of files) {
  let document;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    process.exit(2);
  }
  if (!validate(document)) {
    invalid += 1;
    console.log(`invalid: ${file}`);
    for (const error of validate.errors) {
      console.log(`  ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}
console.log(`validated ${files.length} files, ${invalid} invalid`);
process.exit(invalid === 0 ? 0 : 1);
