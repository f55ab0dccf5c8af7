import { Global, Module } from '@nestjs/common';
import { GrantsDirectory } from './directory';

@Global()
@Module({ providers: [GrantsDirectory], exports: [GrantsDirectory] })
export class DirectoryModule {}
