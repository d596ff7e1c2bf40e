import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentEvent } from './consent-event.entity';
import { ConsentText } from './consent-text.entity';
import { ConsentService } from './consent.service';

@Module({
  imports: [TypeOrmModule.forFeature([ConsentText, ConsentEvent])],
  providers: [ConsentService],
  exports: [ConsentService],
})
export class ConsentModule {}
