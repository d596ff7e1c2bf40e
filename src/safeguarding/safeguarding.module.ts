import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { CheckinConcernListener } from './checkin-concern.listener';
import { ConcernCipher } from './concern-cipher.service';
import { ConcernEntry } from './concern-entry.entity';
import { Concern } from './concern.entity';
import { ConcernsController } from './concerns.controller';
import { ConcernsDataPart } from './concerns.part';
import { ConcernsRepository } from './concerns.repository';
import { ConcernsService } from './concerns.service';

@Module({
  imports: [TypeOrmModule.forFeature([Concern, ConcernEntry]), IdentityModule],
  controllers: [ConcernsController],
  providers: [
    ConcernsService,
    ConcernsRepository,
    ConcernCipher,
    ConcernsDataPart,
    CheckinConcernListener,
  ],
  exports: [ConcernsService],
})
export class SafeguardingModule {}
