import { Controller } from '@nestjs/common';
import { lookupStaffNames } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { STAFF_NAME_ROUTES } from './staff-names.routes';

@Controller()
export class StaffNamesController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(STAFF_NAME_ROUTES.lookupStaffNames)
  lookup(@Call() { query, caller }: Call<typeof STAFF_NAME_ROUTES.lookupStaffNames>) {
    return this.rpc.send(lookupStaffNames, { ids: [...new Set(query.ids)] }, caller);
  }
}
