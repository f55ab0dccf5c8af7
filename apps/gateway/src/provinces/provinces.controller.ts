import { Controller } from '@nestjs/common';
import { listProvinces } from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { Endpoint } from '../http/route';
import { PROVINCE_ROUTES } from './provinces.routes';

@Controller()
export class ProvincesController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(PROVINCE_ROUTES.listProvinces)
  list() {
    return this.rpc.send(listProvinces, {}, ANONYMOUS);
  }
}
