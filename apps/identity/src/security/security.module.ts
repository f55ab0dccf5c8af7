import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SecretBox } from '@bandanh/platform';
import { encryptionKeys, type IdentityConfig } from '../config/env';
import { PasswordHasher } from './passwords';

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

@Global()
@Module({})
export class SecurityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    const { keys, currentKeyId } = encryptionKeys(config);
    return {
      module: SecurityModule,
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        { provide: PasswordHasher, useValue: new PasswordHasher(config.ARGON2_MEMORY_KIB) },
        { provide: SecretBox, useValue: new SecretBox(keys, currentKeyId) },
      ],
      exports: [IDENTITY_CONFIG, PasswordHasher, SecretBox],
    };
  }
}
