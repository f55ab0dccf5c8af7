import { Controller } from '@nestjs/common';
import { issueCboLinkCode, redeemCboLinkCode, type Caller, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { CboLinksService } from './cbo-links.service';

@Controller()
export class CboLinksHandlers {
  constructor(private readonly links: CboLinksService) {}

  @Handles(issueCboLinkCode)
  issue({ cboId }: ParsedRequestOf<typeof issueCboLinkCode>, caller: Caller) {
    return this.links.issue(caller, cboId);
  }

  @Handles(redeemCboLinkCode)
  redeem({ code }: ParsedRequestOf<typeof redeemCboLinkCode>, caller: Caller) {
    return this.links.redeem(caller, code);
  }
}
