import { Controller, Injectable, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  applyAsCbo,
  listOpenProvinces,
  searchDirectory,
  type CboApplication,
  type DirectoryQuery,
} from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { Endpoint, Input, type RouteInput } from '../http/route';
import { ROUTES } from '../http/routes';

/** The public side of the network: the directory, the open provinces and applications. */
@Injectable()
export class DirectoryService {
  constructor(private readonly rpc: NatsRpc) {}

  search(query: DirectoryQuery) {
    return this.rpc.send(searchDirectory, query, ANONYMOUS);
  }

  openProvinces() {
    return this.rpc.send(listOpenProvinces, {}, ANONYMOUS);
  }

  /** Stores the application once per key, with its pipeline's start (the network service's outbox); answers only the id. */
  async apply(idempotencyKey: string, application: CboApplication) {
    const { cbo, created } = await this.rpc.send(applyAsCbo, { idempotencyKey, application }, ANONYMOUS);
    return { cbo: { id: cbo.id }, created };
  }
}

@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Endpoint(ROUTES.searchDirectory)
  search(@Input(ROUTES.searchDirectory) { query }: RouteInput<typeof ROUTES.searchDirectory>) {
    return this.directory.search(query);
  }

  @Endpoint(ROUTES.listOpenProvinces)
  openProvinces() {
    return this.directory.openProvinces();
  }

  @Endpoint(ROUTES.applyAsCbo)
  async apply(
    @Input(ROUTES.applyAsCbo) { headers, body }: RouteInput<typeof ROUTES.applyAsCbo>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.directory.apply(headers['idempotency-key'], body);
    if (!result.created) void reply.status(200);
    return result;
  }
}

@Module({ controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}
