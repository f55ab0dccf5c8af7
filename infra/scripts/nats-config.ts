// Writes infra/nats/nats-server.conf, the NATS server of a deployment with one user per
// service, from the contracts and NATS_ACCESS (libs/platform/src/nats/nats-permissions.ts):
//   node -r @swc-node/register infra/scripts/nats-config.ts            write it
//   node -r @swc-node/register infra/scripts/nats-config.ts --check    exit 1 when it is stale
//   ... --prefix staging --out /etc/nats/bandanh.conf                   for another NATS_PREFIX
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_NATS_PREFIX, renderNatsServerConfig } from '../../libs/platform/src/nats/nats-permissions';

export const NATS_CONFIG_FILE = join(__dirname, '..', 'nats', 'nats-server.conf');

function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      prefix: { type: 'string', default: DEFAULT_NATS_PREFIX },
      out: { type: 'string', default: NATS_CONFIG_FILE },
    },
  });
  const config = renderNatsServerConfig(values.prefix);
  const shown = relative(process.cwd(), values.out) || values.out;
  if (values.check) {
    let current: string | undefined;
    try {
      current = readFileSync(values.out, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== config) {
      console.error(`[infra] ${shown} is stale: run node -r @swc-node/register infra/scripts/nats-config.ts`);
      process.exit(1);
    }
    console.log(`[infra] ${shown} is up to date`);
    return;
  }
  writeFileSync(values.out, config);
  console.log(`[infra] wrote ${shown} (prefix "${values.prefix}")`);
}

if (require.main === module) main();
