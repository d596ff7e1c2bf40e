import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { ConsentEvent } from './consent-event.entity';
import { ConsentEvidence } from './consent-evidence.service';
import { ConsentReceipts } from './consent-receipts.service';
import { ConsentReceiptController } from './consent-receipt.controller';
import { ConsentText } from './consent-text.entity';
import { ConsentController } from './consent.controller';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';
import { DataRightsController } from './data-rights.controller';
import { DataRightsService } from './data-rights.service';
import { Erasure } from './erasure.entity';
import { ErasureRepository } from './erasure.repository';
import { PeopleConsentController } from './people-consent.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ConsentText, ConsentEvent, Erasure]), IdentityModule],
  controllers: [
    ConsentController,
    ConsentReceiptController,
    PeopleConsentController,
    DataRightsController,
  ],
  providers: [
    ConsentService,
    ConsentRepository,
    ConsentEvidence,
    ConsentReceipts,
    DataRightsService,
    ErasureRepository,
  ],
  exports: [ConsentService],
})
export class ConsentModule {}
