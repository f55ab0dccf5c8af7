import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { detachGrantFile, getGrantAttachment, type Attachment, type Caller } from '@bandanh/contracts';
import { DomainError, NatsRpc } from '@bandanh/platform';
import { UPLOAD_STORAGE, type UploadStorage } from './upload-storage';

/** An application's files: streamed to whoever may read it, deleted with their attachment. */
@Injectable()
export class GrantFilesService {
  private readonly logger = new Logger(GrantFilesService.name);

  constructor(
    private readonly rpc: NatsRpc,
    @Inject(UPLOAD_STORAGE) private readonly storage: UploadStorage,
  ) {}

  /** The attachment (grants decides who may read it, as for its application) and its bytes. */
  async file(
    caller: Caller,
    applicationId: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    const { attachment, uploadId } = await this.rpc.send(
      getGrantAttachment,
      { id: applicationId, attachmentId },
      caller,
    );
    const stored = await this.storage.stat(uploadId);
    if (!stored || stored.size === undefined || stored.offset !== stored.size) {
      this.logger.error({ applicationId, attachmentId, uploadId }, 'An attachment has no stored file');
      throw new DomainError('NOT_FOUND', 'The file of this attachment is not stored', { resource: 'file' });
    }
    return { attachment, content: await this.storage.read(uploadId) };
  }

  /**
   * Removes the attachment from the draft (grants: the member, while editable), then its file.
   * A file that cannot be deleted now is only left over, never shown again: it is logged.
   */
  async detach(caller: Caller, applicationId: string, attachmentId: string) {
    const { application, uploadId } = await this.rpc.send(
      detachGrantFile,
      { id: applicationId, attachmentId },
      caller,
    );
    await this.storage.delete(uploadId).catch((error: unknown) => {
      this.logger.error({ err: error, uploadId }, 'The file of a detached attachment could not be deleted');
    });
    return { application };
  }
}
