import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { certificates, type CertificateRow } from '../db/schema';

@Injectable()
export class CertificatesRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase) {
    super(database);
  }

  async find(code: string): Promise<CertificateRow | undefined> {
    const [row] = await this.db.select().from(certificates).where(eq(certificates.code, code));
    return row;
  }
}
