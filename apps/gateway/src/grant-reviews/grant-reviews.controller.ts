import { Controller } from '@nestjs/common';
import {
  declareRelationship,
  listGrantReviews,
  listMyGrantReviews,
  listMyRelationships,
  removeRelationship,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call } from '../http/call';
import { Endpoint } from '../http/route';
import { GRANT_REVIEW_ROUTES as ROUTES } from './grant-reviews.routes';

/** Reviews and staff's declared relationships with CBOs (grants service). */
@Controller()
export class GrantReviewsController {
  constructor(private readonly rpc: NatsRpc) {}

  @Endpoint(ROUTES.listMyGrantReviews)
  mine(@Call() { caller }: Call<typeof ROUTES.listMyGrantReviews>) {
    return this.rpc.send(listMyGrantReviews, {}, caller);
  }

  @Endpoint(ROUTES.listGrantReviews)
  list(@Call() { params, caller }: Call<typeof ROUTES.listGrantReviews>) {
    return this.rpc.send(listGrantReviews, { applicationId: params.id }, caller);
  }

  @Endpoint(ROUTES.listMyRelationships)
  relationships(@Call() { caller }: Call<typeof ROUTES.listMyRelationships>) {
    return this.rpc.send(listMyRelationships, {}, caller);
  }

  @Endpoint(ROUTES.declareRelationship)
  declare(@Call() { body, caller }: Call<typeof ROUTES.declareRelationship>) {
    return this.rpc.send(declareRelationship, body, caller);
  }

  @Endpoint(ROUTES.removeRelationship)
  remove(@Call() { params, caller }: Call<typeof ROUTES.removeRelationship>) {
    return this.rpc.send(removeRelationship, { cboId: params.id }, caller);
  }
}
