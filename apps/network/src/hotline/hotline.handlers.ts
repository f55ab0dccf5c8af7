import { Controller } from '@nestjs/common';
import {
  correctHotlineCall,
  listHotlineCalls,
  logHotlineCall,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { HotlineService } from './hotline.service';

@Controller()
export class HotlineHandlers {
  constructor(private readonly hotline: HotlineService) {}

  @Handles(logHotlineCall)
  log({ idempotencyKey, cboId, call }: ParsedRequestOf<typeof logHotlineCall>, caller: Caller) {
    return this.hotline.log(caller, idempotencyKey, cboId, call);
  }

  @Handles(listHotlineCalls)
  async list({ cboId, limit }: ParsedRequestOf<typeof listHotlineCalls>, caller: Caller) {
    return { items: await this.hotline.list(caller, { cboId, limit }) };
  }

  @Handles(correctHotlineCall)
  async correct({ id, correction }: ParsedRequestOf<typeof correctHotlineCall>, caller: Caller) {
    return { call: await this.hotline.correct(caller, id, correction) };
  }
}
