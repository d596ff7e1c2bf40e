import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityModule } from '../availability/availability.module';
import { CheckinsModule } from '../checkins/checkins.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { LinkLimiter } from './link-limiter.service';
import { LinksController } from './links.controller';
import { LinksDataPart } from './links.part';
import { LinksService } from './links.service';
import { SignedLink } from './signed-link.entity';
import { SignedLinksRepository } from './signed-links.repository';

/** Signed links in texts and invites: view, move or cancel one event without signing in. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SignedLink]),
    IdentityModule,
    SessionsModule,
    CheckinsModule,
    AvailabilityModule,
  ],
  controllers: [LinksController],
  providers: [SignedLinksRepository, LinkLimiter, LinksService, LinksDataPart],
  exports: [LinksService],
})
export class LinksModule {}
