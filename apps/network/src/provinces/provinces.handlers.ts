import { Controller } from '@nestjs/common';
import { listProvinces } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ProvincesService } from './provinces.service';

@Controller()
export class ProvincesHandlers {
  constructor(private readonly provinces: ProvincesService) {}

  @Handles(listProvinces)
  list() {
    return { items: this.provinces.list() };
  }
}
