import { Controller } from '@nestjs/common';
import {
  declareRelationship,
  listGrantReviews,
  listMyGrantReviews,
  listMyRelationships,
  removeRelationship,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { ReviewsService } from './reviews.service';

@Controller()
export class ReviewsHandlers {
  constructor(private readonly reviews: ReviewsService) {}

  @Handles(listGrantReviews)
  async list({ applicationId }: ParsedRequestOf<typeof listGrantReviews>, caller: Caller) {
    return { items: await this.reviews.list(caller, applicationId) };
  }

  @Handles(listMyGrantReviews)
  async mine(_input: ParsedRequestOf<typeof listMyGrantReviews>, caller: Caller) {
    return { items: await this.reviews.mine(caller) };
  }

  @Handles(listMyRelationships)
  async relationships(_input: ParsedRequestOf<typeof listMyRelationships>, caller: Caller) {
    return { items: await this.reviews.relationships(caller) };
  }

  @Handles(declareRelationship)
  declare({ cboId, note }: ParsedRequestOf<typeof declareRelationship>, caller: Caller) {
    return this.reviews.declare(caller, cboId, note);
  }

  @Handles(removeRelationship)
  async remove({ cboId }: ParsedRequestOf<typeof removeRelationship>, caller: Caller) {
    return { removed: await this.reviews.remove(caller, cboId) };
  }
}
