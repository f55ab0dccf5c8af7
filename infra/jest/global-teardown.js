// Removes the run's workflow bundle (global-setup.js).
const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  if (process.env.TEMPORAL_WORKFLOW_BUNDLE) rmSync(process.env.TEMPORAL_WORKFLOW_BUNDLE, { force: true });
};
