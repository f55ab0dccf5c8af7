import { Controller } from '@nestjs/common';
import {
  getNetworkSettings,
  updateNetworkSettings,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsHandlers {
  constructor(private readonly settings: SettingsService) {}

  @Handles(getNetworkSettings)
  get(_input: ParsedRequestOf<typeof getNetworkSettings>, caller: Caller) {
    return this.settings.read(caller);
  }

  @Handles(updateNetworkSettings)
  update(input: ParsedRequestOf<typeof updateNetworkSettings>, caller: Caller) {
    return this.settings.update(caller, input);
  }
}
