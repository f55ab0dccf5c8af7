import { Module } from '@nestjs/common';
import { ReviewsHandlers } from './reviews.handlers';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [ReviewsHandlers],
  providers: [ReviewsService, ReviewsRepository],
})
export class ReviewsModule {}
