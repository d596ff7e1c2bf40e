import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { authConfig } from '../../config/configuration';
import { Public } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { LoginDto, RegisterDto } from './dto/register.dto';
import { EmailLinkDto } from './dto/email-link.dto';
import { IdentityService } from './identity.service';
import { AccessTokenView, CheckEmailView } from './account.view';
import { AccountEmailService } from './account-email.service';
import { Account } from './account.entity';
import { LINK_MINUTES } from './email-tokens.service';
import { EmailTokenPurpose } from './email-token.entity';
import {
  clearRefreshCookie,
  CSRF_HEADER_VALUE,
  readRefreshCookie,
  requireCsrfHeader,
  setRefreshCookie,
} from './refresh-cookie';
import { readDeviceTags, rememberDevice } from './known-device';
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
    private readonly accountEmail: AccountEmailService,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /**
   * Volunteers, therapists and buddies sign up here; therapists and buddies then await vetting.
   * The answer is the same 202 whether or not the address has an account, and so is the work
   * done: a new address gets a link to confirm it (sign-in waits for it), the owner of a known one
   * a mail saying someone tried to sign up with it.
   */
  @Public()
  @Post('register')
  @HttpCode(202)
  async register(@Body() dto: RegisterDto): Promise<CheckEmailView> {
    await this.accountEmail.register(dto);
    return { email: dto.email.trim(), linkValidMinutes: LINK_MINUTES[EmailTokenPurpose.Confirm] };
  }

  /**
   * Follows the link mailed at sign-up or for a new address: the address is confirmed (or the
   * account moves to it) and the person is signed in, as by login. 422 `link-invalid` for a
   * wrong, used or expired link; 409 `email-taken` when another account took the new address.
   */
  @Public()
  @ApiProblems(409, 415, 422)
  @Post('confirm-email')
  @HttpCode(200)
  async confirmEmail(
    @Body() dto: EmailLinkDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenView> {
    return this.signIn(await this.accountEmail.confirm(dto.token), req, res);
  }

  /**
   * Answers an access token (API clients use it as a Bearer token) and, for browsers, sets the
   * `vws_refresh` cookie (HttpOnly, SameSite=Strict, Path=/v1/auth) and the known-device cookie
   * `vws_device` (Path=/v1/auth/login). Failed attempts are limited per account and client IP, per
   * account and per IP (429 with the true Retry-After); a known device passes the account-wide
   * lock. JSON only (415), and never from another site's page (403).
   */
  @Public()
  @ApiProblems(401, 403, 415, 429)
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenView> {
    const account = await this.identity.login(dto.email, dto.password, req.ip, readDeviceTags(req));
    return this.signIn(account, req, res);
  }

  private async signIn(account: Account, req: Request, res: Response): Promise<AccessTokenView> {
    const { refreshToken, loginId } = await this.refreshTokens.start(account);
    setRefreshCookie(res, refreshToken, this.config);
    rememberDevice(req, res, this.identity.deviceTag(account), this.config);
    return this.identity.issueToken(account, loginId);
  }

  /**
   * Exchanges the refresh cookie for a new one and a new access token. A refresh token already
   * spent ends its whole login (401): someone else holds a copy.
   */
  @Public()
  @ApiHeader(csrfHeader)
  @ApiProblems(415)
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

  /**
   * Ends the browser's login and clears the cookie: its refresh tokens are revoked, and the access
   * tokens it was given get 401 from then on. The account's other logins go on.
   */
  @Public()
  @ApiHeader(csrfHeader)
  @ApiProblems(415)
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    requireCsrfHeader(req);
    await this.refreshTokens.revokeFamily(readRefreshCookie(req));
    clearRefreshCookie(res, this.config);
  }
}
