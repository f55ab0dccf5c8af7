import { Controller, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  getGrantApplication,
  listGrantApplications,
  listMyGrantApplications,
  saveGrantApplication,
  startGrantApplication,
  submitGrantApplication,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';
import { Call, Reply, created } from '../http/call';
import { Endpoint } from '../http/route';
import { GrantFilesService } from '../uploads/grant-files.service';
import { contentDisposition } from '../uploads/upload-rules';
import { GRANT_APPLICATION_ROUTES as ROUTES } from './grant-applications.routes';

/** Applications (grants service); their files through the gateway's upload storage. */
@Controller()
export class GrantApplicationsController {
  constructor(
    private readonly rpc: NatsRpc,
    private readonly files: GrantFilesService,
  ) {}

  @Endpoint(ROUTES.listMyGrantApplications)
  mine(@Call() { caller }: Call<typeof ROUTES.listMyGrantApplications>) {
    return this.rpc.send(listMyGrantApplications, {}, caller);
  }

  @Endpoint(ROUTES.startGrantApplication)
  start(@Call() { params, caller }: Call<typeof ROUTES.startGrantApplication>, @Reply() reply: FastifyReply) {
    return created(reply, this.rpc.send(startGrantApplication, { roundId: params.id }, caller));
  }

  @Endpoint(ROUTES.getGrantApplication)
  get(@Call() { params, caller }: Call<typeof ROUTES.getGrantApplication>) {
    return this.rpc.send(getGrantApplication, params, caller);
  }

  @Endpoint(ROUTES.saveGrantApplication)
  save(@Call() { params, body, caller }: Call<typeof ROUTES.saveGrantApplication>) {
    return this.rpc.send(saveGrantApplication, { id: params.id, ...body }, caller);
  }

  @Endpoint(ROUTES.submitGrantApplication)
  submit(@Call() { params, headers, body, caller }: Call<typeof ROUTES.submitGrantApplication>) {
    const request = {
      id: params.id,
      idempotencyKey: headers['idempotency-key'],
      baseVersion: body.baseVersion,
    };
    return this.rpc.send(submitGrantApplication, request, caller);
  }

  @Endpoint(ROUTES.detachGrantFile)
  detach(@Call() { params, caller }: Call<typeof ROUTES.detachGrantFile>) {
    return this.files.detach(caller, params.id, params.attachmentId);
  }

  /** The one answer that is not JSON: the file, as a download, in the type its content told. */
  @Endpoint(ROUTES.getGrantAttachmentFile)
  async file(@Call() { params, caller }: Call<typeof ROUTES.getGrantAttachmentFile>) {
    const { attachment, content } = await this.files.file(caller, params.id, params.attachmentId);
    return new StreamableFile(content, {
      type: attachment.contentType,
      disposition: contentDisposition(attachment.fileName),
      length: attachment.size,
    });
  }

  @Endpoint(ROUTES.listGrantApplications)
  list(@Call() { params, query, caller }: Call<typeof ROUTES.listGrantApplications>) {
    return this.rpc.send(listGrantApplications, { roundId: params.id, ...query }, caller);
  }
}
