import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { AccessTokenDto, AccountDto, LoginDto, RegisterDto } from './dto/register.dto';
import { IdentityService } from './identity.service';
import { toAccountDto } from './account.mapper';

@ApiTags('identity')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  /** Volunteers, therapists and buddies sign up here; therapists and buddies then await vetting. */
  @Public()
  @ApiProblems(409)
  @Post('register')
  async register(@Body() dto: RegisterDto): Promise<AccountDto> {
    return toAccountDto(await this.identity.register(dto));
  }

  /** Rate limited per account and per client IP (429 with Retry-After). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiProblems(401, 429)
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<AccessTokenDto> {
    return this.identity.login(dto.email, dto.password);
  }
}
