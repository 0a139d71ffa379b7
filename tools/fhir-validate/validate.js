// Validate FHIR JSON files against the official FHIR R4 JSON schema.
// Usage: node validate.js FILE...   Prints "FILE: valid" or each error; exits 1 on any error.
'use strict';
const fs = require('fs');
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

const validator = new JSONSchemaValidator();
let failed = false;
for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = validator.validate(resource, true);
  if (errors.length) {
    failed = true;
    for (const error of errors.slice(0, 20)) {
      console.log(`${file}: ${error.dataPath || error.instancePath || ''} ${error.message}`);
    }
  } else {
    console.log(`${file}: valid`);
  }
}
process.exit(failed ? 1 : 0);
