import { Controller } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { DIRECTORY_ROUTES } from './directory.routes';
import { DirectoryService } from './directory.service';

/** The public side of the network: the directory, the open provinces and applications. */
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Endpoint(DIRECTORY_ROUTES.searchDirectory)
  search(@Call() { query }: Call<typeof DIRECTORY_ROUTES.searchDirectory>) {
    return this.directory.search(query);
  }

  @Endpoint(DIRECTORY_ROUTES.listOpenProvinces)
  openProvinces() {
    return this.directory.openProvinces();
  }

  @Endpoint(DIRECTORY_ROUTES.applyAsCbo)
  apply(@Call() { headers, body }: Call<typeof DIRECTORY_ROUTES.applyAsCbo>, @Reply() reply: FastifyReply) {
    return created(reply, this.directory.apply(headers['idempotency-key'], body));
  }
}
