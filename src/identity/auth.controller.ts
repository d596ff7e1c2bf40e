import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { authConfig } from '../../config/configuration';
import { Public } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { LoginDto, RegisterDto } from './dto/register.dto';
import { IdentityService } from './identity.service';
import { toAccountDetailsView, AccessTokenView, AccountDetailsView } from './account.view';
import {
  clearRefreshCookie,
  CSRF_HEADER_VALUE,
  isCrossSite,
  readRefreshCookie,
  requireCsrfHeader,
  setRefreshCookie,
} from './refresh-cookie';
import { RefreshTokensService } from './refresh-tokens.service';

const csrfHeader = {
  name: 'X-Requested-With',
  required: true,
  schema: { enum: [CSRF_HEADER_VALUE] },
};

@ApiTags('identity')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly refreshTokens: RefreshTokensService,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /** Volunteers, therapists and buddies sign up here; therapists and buddies then await vetting. */
  @Public()
  @ApiProblems(409)
  @Post('register')
  async register(@Body() dto: RegisterDto): Promise<AccountDetailsView> {
    return toAccountDetailsView(await this.identity.register(dto));
  }

  /**
   * Answers an access token (API clients use it as a Bearer token) and, for browsers, sets the
   * `vws_refresh` cookie (HttpOnly, SameSite=Strict, Path=/v1/auth). Failed attempts are limited
   * per account and client IP, per account and per IP (429 with the true Retry-After).
   */
  @Public()
  @ApiProblems(401, 429)
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenView> {
    const account = await this.identity.login(dto.email, dto.password, req.ip);
    if (!isCrossSite(req)) {
      setRefreshCookie(res, await this.refreshTokens.start(account), this.config);
    }
    return this.identity.issueToken(account);
  }

  /**
   * Exchanges the refresh cookie for a new one and a new access token. A refresh token already
   * spent ends its whole login (401): someone else holds a copy.
   */
  @Public()
  @ApiHeader(csrfHeader)
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenView> {
    requireCsrfHeader(req);
    try {
      const rotated = await this.refreshTokens.rotate(readRefreshCookie(req));
      setRefreshCookie(res, rotated.refreshToken, this.config);
      return rotated.access;
    } catch (error) {
      clearRefreshCookie(res, this.config);
      throw error;
    }
  }

  /** Ends the browser's login (its refresh tokens are revoked) and clears the cookie. */
  @Public()
  @ApiHeader(csrfHeader)
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    requireCsrfHeader(req);
    await this.refreshTokens.revokeFamily(readRefreshCookie(req));
    clearRefreshCookie(res, this.config);
  }
}
