import { Controller, Module } from '@nestjs/common';
import { PROVINCES, listProvinces } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';

@Controller()
export class ProvincesHandlers {
  @Handles(listProvinces)
  list() {
    return { items: [...PROVINCES] };
  }
}

@Module({ controllers: [ProvincesHandlers] })
export class ProvincesModule {}
