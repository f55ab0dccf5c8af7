import { Injectable } from '@nestjs/common';
import {
  applyAsCbo,
  listOpenProvinces,
  searchDirectory,
  type CboApplication,
  type DirectoryQuery,
} from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';

/** The public side of the network: every call goes out as nobody, whoever comes along. */
@Injectable()
export class DirectoryService {
  constructor(private readonly rpc: NatsRpc) {}

  search(query: DirectoryQuery) {
    return this.rpc.send(searchDirectory, query, ANONYMOUS);
  }

  openProvinces() {
    return this.rpc.send(listOpenProvinces, {}, ANONYMOUS);
  }

  /**
   * Stores the application once per key, with its pipeline's start (the network service's
   * outbox); answers only the id and the reference the applicant follows it by.
   */
  async apply(idempotencyKey: string, application: CboApplication) {
    const { cbo, created, reference } = await this.rpc.send(
      applyAsCbo,
      { idempotencyKey, application },
      ANONYMOUS,
    );
    return { cbo: { id: cbo.id }, created, reference };
  }
}
