import { Module } from '@nestjs/common';
import { GrantReviewsController } from './grant-reviews.controller';

@Module({ controllers: [GrantReviewsController] })
export class GrantReviewsModule {}
