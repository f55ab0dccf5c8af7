import { Controller } from '@nestjs/common';
import { getNetworkSettings, updateNetworkSettings } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { SETTINGS_ROUTES } from './settings.routes';

@Controller()
export class SettingsController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(SETTINGS_ROUTES.getNetworkSettings)
  get(@Call() { caller }: Call<typeof SETTINGS_ROUTES.getNetworkSettings>) {
    return this.rpc.send(getNetworkSettings, {}, caller);
  }

  @Endpoint(SETTINGS_ROUTES.updateNetworkSettings)
  update(@Call() { body, caller }: Call<typeof SETTINGS_ROUTES.updateNetworkSettings>) {
    return this.rpc.send(updateNetworkSettings, body, caller);
  }
}
