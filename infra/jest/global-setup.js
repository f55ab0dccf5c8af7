// Once per jest run: the workflows bundled for Temporal workers, so that every test stack's
// worker and every workflow test loads the one bundle instead of bundling them again with
// webpack (some seconds of CPU each, in more than fifty files). The path goes to the test
// files through TEMPORAL_WORKFLOW_BUNDLE; global-teardown.js removes the file.
const { mkdirSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');

module.exports = async function globalSetup(config) {
  const projects = (config.selectProjects ?? []).filter(Boolean);
  // A run of the unit project alone starts no worker.
  if (projects.length > 0 && projects.every((name) => name === 'unit')) return;
  const root = join(__dirname, '..', '..');
  // The orchestrator's own copy of the Temporal worker and of the workflows, as it resolves them.
  const fromOrchestrator = createRequire(join(root, 'apps', 'orchestrator', 'package.json'));
  const { bundleWorkflowCode } = fromOrchestrator('@temporalio/worker');
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };
  const { code } = await bundleWorkflowCode({
    workflowsPath: fromOrchestrator.resolve('@bandanh/workflows/workflows'),
    logger: quiet,
  });
  const dir = join(root, '.data', 'jest');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `workflow-bundle-${process.pid}.js`);
  writeFileSync(path, code);
  process.env.TEMPORAL_WORKFLOW_BUNDLE = path;
};
