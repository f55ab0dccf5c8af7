import { Controller } from '@nestjs/common';
import { searchDirectory, type ParsedRequestOf } from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { DirectoryService } from './directory.service';

@Controller()
export class DirectoryHandlers {
  constructor(private readonly directory: DirectoryService) {}

  /** Public: anyone may read the directory. */
  @Handles(searchDirectory)
  search(query: ParsedRequestOf<typeof searchDirectory>) {
    return this.directory.search(query);
  }
}
