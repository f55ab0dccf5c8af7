import { Controller, Module } from '@nestjs/common';
import { listProvinces } from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { Endpoint } from '../http/route';
import { ROUTES } from '../http/routes';

@Controller()
export class ProvincesController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.listProvinces)
  list() {
    return this.rpc.send(listProvinces, {}, ANONYMOUS);
  }
}

@Module({ controllers: [ProvincesController] })
export class ProvincesModule {}
