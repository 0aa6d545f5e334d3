'use strict';
// cdk8s validation plugin entry (cdk8s.yaml):
//   validations:
//     - package: ./bin/validation-plugin.js   (or ./node_modules/cdk8s-argo/bin/validation-plugin.js)
//       version: 0.1.0
//       class: ArgoLintValidation
const { loadModule } = require('./load-module');

module.exports = { ArgoLintValidation: loadModule('cli/plugin').ArgoLintValidation };
