import { createSecretKey } from 'node:crypto';
import { AccountSearchRepository } from './account-search.repository';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { authConfig } from '../../config/configuration';
import { AuthGuard, TokenVersions } from '../common/auth.guard';
import { Account } from './account.entity';
import { AccountEmailRepository } from './account-email.repository';
import { AccountEmailService } from './account-email.service';
import { EmailConfirmationController } from './email-confirmation.controller';
import { EmailToken } from './email-token.entity';
import { EmailTokens } from './email-tokens.service';
import { PasswordResetController } from './password-reset.controller';
import { AuthController } from './auth.controller';
import { EmailController } from './email.controller';
import { IdentityService } from './identity.service';
import { LoginLimiter } from './login-limiter.service';
import { PasswordController } from './password.controller';
import { PhoneCode } from './phone-code.entity';
import { PhoneController } from './phone.controller';
import { PhoneCodesRepository } from './phone-codes.repository';
import { PhoneCodesService } from './phone-codes.service';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RefreshTokensService } from './refresh-tokens.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Account, RefreshToken, EmailToken, PhoneCode]),
    JwtModule.registerAsync({
      global: true,
      inject: [authConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>) => ({
        // A KeyObject made once: given the string, jsonwebtoken tries (and fails) to parse it as
        // a public key on every verify before making this same key (4.5 % of booking CPU).
        secret: createSecretKey(Buffer.from(auth.jwtSecret)),
        signOptions: { algorithm: 'HS256', expiresIn: auth.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [
    AuthController,
    PasswordController,
    EmailController,
    PasswordResetController,
    EmailConfirmationController,
    PhoneController,
  ],
  providers: [
    IdentityService,
    AccountSearchRepository,
    LoginLimiter,
    RefreshTokensRepository,
    RefreshTokensService,
    AccountEmailRepository,
    AccountEmailService,
    EmailTokens,
    PhoneCodesRepository,
    PhoneCodesService,
    // The guard (here and on the queue dashboard) checks each token's version through this.
    { provide: TokenVersions, useExisting: IdentityService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, TokenVersions, AccountSearchRepository],
})
export class IdentityModule {}
