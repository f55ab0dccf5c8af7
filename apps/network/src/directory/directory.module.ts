import { Module } from '@nestjs/common';
import { DirectoryHandlers } from './directory.handlers';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';

@Module({
  controllers: [DirectoryHandlers],
  providers: [DirectoryService, DirectoryRepository],
})
export class DirectoryModule {}
