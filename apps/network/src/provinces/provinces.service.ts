import { Injectable } from '@nestjs/common';
import { PROVINCES, type Province } from '@bandanh/contracts';

@Injectable()
export class ProvincesService {
  /** Cambodia's 25 provinces, for anyone. */
  list(): Province[] {
    return [...PROVINCES];
  }
}
